import { mkdtempSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { decodeKey } from "./secret-key";
import { keyIdOf } from "./security/token-cipher";
import { runCli } from "./testing/cli-process";
import { freePort, type ProxyProcess, startProxyProcess } from "./testing/processes";
import { OTHER_SECRET_KEY, TEST_SECRET_KEY } from "./testing/secret-keys";
import { tenantWithStoredTokens } from "./testing/stored-connection";
import { createTestApp } from "./testing/test-app";

const folder = mkdtempSync(join(os.tmpdir(), "zfx-start-up-"));

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
      SECRET_KEY: TEST_SECRET_KEY,
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
      SECRET_KEY: TEST_SECRET_KEY,
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

const cli = (args: string[], env: Record<string, string>) => runCli(args, { LOG_LEVEL: "warn", ...env });

/** A database file holding one tenant's Exact tokens, sealed under `key`. */
async function databaseWithTokens(key: string) {
  const url = freshDb();
  const { deps, database } = await createTestApp({
    databaseUrl: url,
    exact: { secretKey: decodeKey(key, "test") },
  });
  await tenantWithStoredTokens(deps);
  database.close();
  return url;
}

const realApp = { EXACT_CLIENT_ID: "real-app", EXACT_CLIENT_SECRET: "real-secret", HOST: "127.0.0.1" };

describe("the secret key at start-up", () => {
  it("stops start-up with one line when SECRET_KEY does not open the stored tokens", async () => {
    const url = await databaseWithTokens(TEST_SECRET_KEY);
    const failed = startProxyProcess({ ...realApp, DATABASE_URL: url, SECRET_KEY: OTHER_SECRET_KEY });
    const error = await failed.then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/exited with 1 before listening/);
    const lines = (error ?? "").split("\n").filter((line) => line.includes("SECRET_KEY"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `does not open 2 of the 2 encrypted values in the database (sealed with key ${keyIdOf(decodeKey(TEST_SECRET_KEY, "test"))})`,
    );
  }, 60_000);

  it("stops start-up when SECRET_KEY is missing against an embedded database holding tokens, rather than making a new key", async () => {
    const url = await databaseWithTokens(TEST_SECRET_KEY);
    const error = await startProxyProcess({ ...realApp, DATABASE_URL: url, SECRET_KEY: "" }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/SECRET_KEY: is not set .* the database holds encrypted Exact tokens/);
  }, 60_000);

  it("refuses an all-zero key", async () => {
    const error = await startProxyProcess({
      ...realApp,
      DATABASE_URL: freshDb(),
      SECRET_KEY: Buffer.alloc(32).toString("base64"),
    }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/SECRET_KEY: is not a random key/);
  }, 60_000);

  it("rotates to a new key with `pnpm cli secret rotate`, after which the new key alone starts the proxy", async () => {
    const url = await databaseWithTokens(TEST_SECRET_KEY);
    const rotated = await cli(["secret", "rotate", "--json"], {
      DATABASE_URL: url,
      SECRET_KEY: OTHER_SECRET_KEY,
      SECRET_KEY_PREVIOUS: TEST_SECRET_KEY,
    });
    expect(rotated.err).toBe("");
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.out)).toMatchObject({
      keyId: keyIdOf(decodeKey(OTHER_SECRET_KEY, "test")),
      resealed: 2,
      unreadable: 0,
    });
    const status = await cli(["secret", "status", "--json"], {
      DATABASE_URL: url,
      SECRET_KEY: OTHER_SECRET_KEY,
    });
    expect(JSON.parse(status.out)).toMatchObject({ stored: 2, unreadable: 0 });

    proxy = await startProxyProcess({ ...realApp, DATABASE_URL: url, SECRET_KEY: OTHER_SECRET_KEY });
    const ready = await fetch(`${proxy.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { secretKey: "ok" } });
  }, 60_000);

  it("creates the database files readable by their owner only", async () => {
    const url = freshDb();
    proxy = await startProxyProcess({ ...realApp, DATABASE_URL: url, SECRET_KEY: TEST_SECRET_KEY });
    await fetch(`${proxy.url}/ready`);
    const file = url.slice("file:".length);
    for (const path of [file, `${file}-wal`]) expect(statSync(path).mode & 0o777, path).toBe(0o600);
  }, 60_000);
});

describe("the API's rate limit", () => {
  it("is applied as API_RATE_LIMIT_PER_MINUTE says", async () => {
    proxy = await startProxyProcess({
      ...realApp,
      DATABASE_URL: freshDb(),
      SECRET_KEY: TEST_SECRET_KEY,
      API_RATE_LIMIT_PER_MINUTE: "2",
    });
    const ask = () =>
      fetch(`${proxy?.url}/v1/divisions`, {
        headers: { authorization: "Bearer zfx_made-up-token-that-looks-like-one-of-ours" },
      });
    expect([(await ask()).status, (await ask()).status]).toEqual([401, 401]);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  }, 60_000);
});
