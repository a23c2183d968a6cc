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
  const proxy = await startProxy({
    port: await freePort(),
    simPort: await freePort(),
    dataDir,
    // A bookkeeper's day sees an invoice paid: the paid check runs every few seconds rather than hourly.
    env: { PAID_CHECK_MINUTES: "0.05" },
  });
  publishStack({
    proxyUrl: proxy.proxyUrl,
    simUrl: proxy.simUrl,
    databaseUrl: proxy.databaseUrl,
    secretKey: proxy.secretKey,
    proxyLogFile: proxy.logFile,
  });
  return async () => {
    // Client errors count toward Exact's error block: a normal run causes none. Read before the proxy stops.
    const answer = await fetch(`${proxy.simUrl}/__sim/calls?status=4xx&unexpected=true`).catch(
      () => undefined,
    );
    const unexpected = answer?.ok
      ? ((await answer.json()) as { calls: { method: string; endpoint: string; status: number }[] }).calls
      : [];
    await proxy.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (unexpected.length) {
      const list = unexpected.map((call) => `${call.method} ${call.endpoint} → ${call.status}`).join(", ");
      throw new Error(`The simulator answered ${unexpected.length} unexpected client error(s): ${list}`);
    }
  };
}
