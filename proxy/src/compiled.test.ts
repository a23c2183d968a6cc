import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type ProxyProcess, startProxyProcess } from "./testing/processes";
import { TEST_SECRET_KEY } from "./testing/secret-keys";

const proxyRoot = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("the compiled proxy (pnpm build, then plain node)", () => {
  const folder = mkdtempSync(join(os.tmpdir(), "zfx-compiled-"));
  let proxy: ProxyProcess;
  let simPort: number;

  beforeAll(async () => {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: proxyRoot, stdio: "ignore" });
    simPort = await freePort();
    proxy = await startProxyProcess(
      {
        DATABASE_URL: `file:${join(folder, "proxy.db")}`,
        SECRET_KEY: TEST_SECRET_KEY,
        SIM_PORT: String(simPort),
        EXACT_CLIENT_ID: "",
        EXACT_CLIENT_SECRET: "",
      },
      60_000,
      { compiled: true },
    );
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("is JavaScript that needs neither tsx nor the workspace's TypeScript sources", () => {
    const bundle = readFileSync(join(proxyRoot, "dist/index.js"), "utf8");
    expect(bundle).not.toMatch(/from\s+["']@zapfloor-exact\//);
    expect(bundle).not.toMatch(/["']tsx["']/);
    expect(existsSync(join(proxyRoot, "dist/index.js.map"))).toBe(true);
  });

  it("finds its migrations and answers health with its version", async () => {
    const response = await fetch(`${proxy.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; version: string };
    expect(body.ok).toBe(true);
    const { version } = JSON.parse(readFileSync(join(proxyRoot, "package.json"), "utf8"));
    expect(body.version).toBe(version);
  });

  it("starts the bundled simulator in sandbox mode, with its demo divisions", async () => {
    const response = await fetch(`http://127.0.0.1:${simPort}/__sim/divisions`);
    expect(response.status).toBe(200);
    const { divisions } = (await response.json()) as { divisions: unknown[] };
    expect(divisions.length).toBeGreaterThan(0);
  });
});

// In this file, after the tests above: `npm start` builds dist/ again, which must not happen under them.
describe("npm start", () => {
  const folder = mkdtempSync(join(os.tmpdir(), "zfx-npm-start-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const answers = (url: string) =>
    fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );

  it.each(["SIGTERM", "SIGINT"] as const)(
    "stopped with %s stops the proxy too, so a service manager can restart it",
    async (signal) => {
      const port = await freePort();
      const npm = spawn("npm", ["start"], {
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          SIM_PORT: String(await freePort()),
          DATABASE_URL: `file:${join(folder, `${signal}.db`)}`,
          SECRET_KEY: TEST_SECRET_KEY,
          EXACT_CLIENT_ID: "",
          EXACT_CLIENT_SECRET: "",
          LOG_LEVEL: "warn",
        },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => npm.once("exit", resolve));
      const health = `http://127.0.0.1:${port}/health`;
      try {
        await expect.poll(() => answers(health), { timeout: 100_000, interval: 500 }).toBe(true);
        npm.kill(signal);
        await exited;
        await expect.poll(() => answers(health), { timeout: 10_000, interval: 250 }).toBe(false);
      } finally {
        npm.kill("SIGKILL");
      }
    },
    150_000,
  );
});
