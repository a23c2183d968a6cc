import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort, type ProxyProcess, startProxyProcess } from "./testing/processes";

const folder = mkdtempSync(join(os.tmpdir(), "zfx-start-up-"));
const key = Buffer.alloc(32, 7).toString("base64");
let proxy: ProxyProcess | undefined;
let n = 0;
const freshDb = () => `file:${join(folder, `proxy-${++n}.db`)}`;

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Whether something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((address) => address && !address.internal && address.family === "IPv4")?.address;

describe("start-up", () => {
  it("in sandbox mode listens on loopback only when HOST is not set", async () => {
    proxy = await startProxyProcess({
      DATABASE_URL: freshDb(),
      SECRET_KEY: key,
      SIM_PORT: String(await freePort()),
      EXACT_CLIENT_ID: "",
      EXACT_CLIENT_SECRET: "",
      HOST: "",
    });
    expect(proxy.log()).toContain('"host":"127.0.0.1"');
    const port = Number(new URL(proxy.url).port);
    expect(await accepts("127.0.0.1", port)).toBe(true);
    if (outsideAddress) expect(await accepts(outsideAddress, port)).toBe(false);
  }, 60_000);

  it("with a real Exact app but no EXACT_WEBHOOK_SECRET, listens everywhere and says webhooks are not subscribed", async () => {
    proxy = await startProxyProcess({
      DATABASE_URL: freshDb(),
      SECRET_KEY: key,
      EXACT_CLIENT_ID: "real-app",
      EXACT_CLIENT_SECRET: "real-secret",
      EXACT_WEBHOOK_SECRET: "",
      HOST: "",
    });
    expect(proxy.log()).toContain('"host":"0.0.0.0"');
    await expect
      .poll(() => proxy?.log())
      .toMatch(/EXACT_WEBHOOK_SECRET is not set: Exact's webhooks are not subscribed/);
  }, 60_000);
});
