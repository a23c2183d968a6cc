import type { ExactSimulator, FaultRule } from "@zapfloor-exact/exact-sim";

/**
 * What Exact does to the run, on the simulator's fault injector (a seeded PRNG decides which calls are hit).
 * Writes that are carried out but whose answer is lost (a dropped connection, a 5xx after the commit) are the
 * case that must never double a customer or an invoice; 5xx before anything happens and slow answers are
 * Exact's everyday trouble. 429s come separately (`rateLimitBurst`).
 */
export const faultPlan: FaultRule[] = [
  {
    id: "invoice answer lost",
    path: "salesentry/SalesEntries",
    method: "POST",
    action: "dropAfterWrite",
    probability: 0.15,
  },
  {
    id: "invoice 500 after commit",
    path: "salesentry/SalesEntries",
    method: "POST",
    action: "statusAfterWrite",
    status: 500,
    probability: 0.1,
  },
  {
    id: "account answer lost",
    path: "crm/Accounts",
    method: "POST",
    action: "dropAfterWrite",
    probability: 0.15,
  },
  {
    id: "account 502 after commit",
    path: "crm/Accounts",
    method: "POST",
    action: "statusAfterWrite",
    status: 502,
    probability: 0.1,
  },
  { id: "503", path: "/api/v1/*", action: "status", status: 503, probability: 0.04 },
  { id: "slow answer", path: "/api/v1/*", latencyMs: 400, probability: 0.2 },
];

export function injectFaults(sim: ExactSimulator): void {
  for (const rule of faultPlan) sim.control.addFault(rule);
}

/**
 * The next read answers 429 with the minutely `X-RateLimit-*` headers at 0, as Exact does when the 60 calls of
 * the minute are spent [docs/exact-online.md]: a stop of that division until the minute is over, so only a few.
 */
export function rateLimitBurst(sim: ExactSimulator, n: number): void {
  sim.control.addFault({
    id: `429 burst ${n}`,
    path: "/api/v1/*",
    method: "GET",
    action: "rateLimit",
    times: 1,
  });
}

/** How often each fault fired, read from the simulator's call log (and the injector, for latency). */
export function faultsInjected(sim: ExactSimulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of sim.calls.entries())
    if (call.fault) counts.set(call.fault, (counts.get(call.fault) ?? 0) + 1);
  const slow = sim.control.faults().find((rule) => rule.id === "slow answer");
  if (slow) counts.set(`latency ${slow.latencyMs} ms`, slow.fired);
  return counts;
}
