// `pnpm test:resilience`: three proxy replicas on one libSQL server serve mixed traffic while one of them is
// SIGKILLed and restarted twice and the Exact simulator injects faults; then the invariants are checked and
// printed. Loopback only; it stops by itself and exits non-zero when an invariant does not hold.
import { faultsInjected, injectFaults, rateLimitBurst } from "./faults";
import { gatherFacts } from "./gather";
import { checkInvariants } from "./invariants";
import { ReplicaPool } from "./replica-pool";
import { untilSettled } from "./settle";
import { DIVISIONS, startStack } from "./stack";
import { runTraffic } from "./traffic";

const TRAFFIC_MS = 60_000;
/** When the victim is killed, and how long it stays down, from the start of the traffic. */
const KILLS = [
  { atMs: 12_000, downMs: 4_000 },
  { atMs: 36_000, downMs: 4_000 },
];
const VICTIM = 2;
/** When a read is answered 429, from the start of the traffic. */
const RATE_LIMIT_BURSTS_MS = [20_000, 44_000];

const log = (text: string) => process.stderr.write(`[resilience] ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const started = Date.now();
const stack = await startStack();
let failed = true;
try {
  const sim = stack.simulator.sim;
  const pool = new ReplicaPool(stack.urls);
  const accountIds = new Map(
    DIVISIONS.map((division) => [
      division,
      sim.control.accounts(division).map((account) => account.ID.toLowerCase()),
    ]),
  );
  sim.calls.reset();
  injectFaults(sim);
  log(`ready after ${seconds(Date.now() - started)}; ${TRAFFIC_MS / 1000} s of traffic with faults`);

  const stop = new AbortController();
  const trafficStarted = Date.now();
  const traffic = runTraffic({
    pool,
    tokens: stack.tenant.tokens,
    handPairs: stack.handPairs,
    accountIds,
    stop: stop.signal,
  });
  const kills = (async () => {
    for (const kill of KILLS) {
      await sleep(trafficStarted + kill.atMs - Date.now());
      log(`SIGKILL replica ${VICTIM + 1}`);
      await stack.kill(VICTIM);
      await sleep(kill.downMs);
      await stack.restart(VICTIM);
      log(`replica ${VICTIM + 1} restarted`);
    }
  })();
  const bursts = RATE_LIMIT_BURSTS_MS.map((atMs, n) => sleep(atMs).then(() => rateLimitBurst(sim, n + 1)));
  await sleep(TRAFFIC_MS);
  stop.abort();
  await Promise.all(bursts);
  const [record] = await Promise.all([traffic, kills]);
  const injected = faultsInjected(sim);
  sim.control.clearFaults();
  log(`traffic stopped after ${seconds(Date.now() - trafficStarted)}; waiting for the work to settle`);

  const settleStarted = Date.now();
  await untilSettled(stack, record);
  const settledIn = Date.now() - settleStarted;
  const facts = await gatherFacts(stack, record);
  const verdicts = checkInvariants(facts);
  failed = verdicts.some((verdict) => !verdict.ok) || record.surprises.length > 0;

  const summary = sim.calls.summary();
  const lines = [
    "",
    `Replicas under faults: 3 replicas, ${DIVISIONS.length} divisions, ${seconds(TRAFFIC_MS)} of traffic, replica ${VICTIM + 1} SIGKILLed and restarted ${KILLS.length} times`,
    "",
    "Requests served (acknowledged, after retries on another replica):",
    ...[...pool.served].map(([operation, n]) => `  ${String(n).padStart(6)}  ${operation}`),
    `  ${String(pool.retried).padStart(6)}  tried again (${pool.unreachable} unreachable, ${[...pool.statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0)} answered 5xx)`,
    "",
    `Exact calls: ${summary.total} (${summary.tokenRequests.refresh_token} token refreshes); faults injected:`,
    ...[...injected].map(([fault, n]) => `  ${String(n).padStart(6)}  ${fault}`),
    "",
    `Settled ${seconds(settledIn)} after the traffic stopped; ${facts.received.length} webhook deliveries received.`,
    "",
    "Invariants:",
    ...verdicts.map((verdict) => `  ${verdict.ok ? "✔" : "✖"} ${verdict.name}: ${verdict.detail}`),
    ...(record.surprises.length ? ["", "Surprising answers:", ...record.surprises.map((s) => `  ${s}`)] : []),
    "",
    `${failed ? "✖ An invariant does not hold" : "✔ Every invariant holds"} (${seconds(Date.now() - started)} in all).`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  process.stderr.write(
    `\n✖ The resilience run could not finish: ${error instanceof Error ? error.stack : error}\n`,
  );
  for (const [index, replica] of stack.replicas.entries())
    process.stderr.write(`\n--- replica ${index + 1} log (tail) ---\n${replica.log().slice(-3000)}\n`);
} finally {
  await stack.close();
}
process.exit(failed ? 1 : 0);
