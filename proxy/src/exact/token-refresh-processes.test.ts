import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { exactConnections } from "../db/schema";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

const child = fileURLToPath(new URL("../testing/refresh-race-child.ts", import.meta.url));
const proxyRoot = fileURLToPath(new URL("../..", import.meta.url));

function runProcess(env: Record<string, string>): Promise<{ ok: number; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ["--import", "tsx", child], {
      cwd: proxyRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    process_.stdout.on("data", (chunk) => {
      out += chunk;
    });
    process_.on("error", reject);
    process_.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`child exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}"));
    });
  });
}

let harness: SimHarness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("token refresh across processes", () => {
  it("two proxy processes on one database at expiry refresh exactly once and never reuse a refresh token", async () => {
    dir = mkdtempSync(join(tmpdir(), "refresh-race-"));
    const databaseUrl = `file:${join(dir, "proxy.db")}`;
    harness = await startSimHarness({ databaseUrl });
    const { tenantId } = await harness.connectTenant();

    // Exact's clock reaches the last 30 s of the token; the processes, on real time, read the stored expiry.
    harness.clock.advance(585_000);
    await harness.deps.db
      .update(exactConnections)
      .set({ accessTokenExpiresAt: Date.now() + 10_000 })
      .where(eq(exactConnections.tenantId, tenantId));

    // A slow token endpoint widens the window in which a second refresh could slip in.
    harness.sim.control.addFault({ path: "oauth2/token", latencyMs: 400 });
    const env = {
      DATABASE_URL: databaseUrl,
      SECRET_KEY: harness.secretKey.toString("base64"),
      SIM_URL: harness.simulator.url,
      TENANT_ID: tenantId,
      CALLS: "25",
      START_AT: String(Date.now() + 2_500),
    };
    const [first, second] = await Promise.all([runProcess(env), runProcess(env)]);

    expect(first).toEqual({ ok: 25, errors: [] });
    expect(second).toEqual({ ok: 25, errors: [] });
    expect(harness.sim.calls.count({ endpoint: "oauth2/token", grantType: "refresh_token" })).toBe(1);
    expect(harness.sim.calls.count({ endpoint: "oauth2/token", status: 401 })).toBe(0);
  }, 30_000);
});
