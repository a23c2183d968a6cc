import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureExtensionBuilt } from "./support/extension-build";
import { freePort } from "./support/free-port";
import { startProxy } from "./support/proxy-process";
import { publishStack } from "./support/stack";

/** Builds the extension when stale and starts the real proxy (with its simulator) on free ports. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureExtensionBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), "zfx-e2e-"));
  const proxy = await startProxy({ port: await freePort(), simPort: await freePort(), dataDir });
  await raiseMinutelyLimit(proxy.simUrl);
  publishStack({
    proxyUrl: proxy.proxyUrl,
    simUrl: proxy.simUrl,
    databaseUrl: proxy.databaseUrl,
    secretKey: proxy.secretKey,
    proxyLogFile: proxy.logFile,
  });
  return async () => {
    await proxy.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * Every spec's tenant works in the same simulated division, and Exact's limit is per app and division: at
 * 60 calls a minute the suite queues behind its own earlier specs and times out. The proxy keeps to whatever
 * limit Exact announces; keeping to Exact's own 60 is proven by the proxy's tests.
 */
async function raiseMinutelyLimit(simUrl: string): Promise<void> {
  const response = await fetch(`${simUrl}/__sim/rate-limits`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ minutely: 1000 }),
  });
  if (!response.ok) throw new Error(`Raising the simulator's minutely limit: HTTP ${response.status}`);
}
