// What both measured parts of the matching benchmark share: the division, the clock, and the way their
// decisions are compared. Each part runs in a process of its own and reports JSON on stdout.
import { performance } from "node:perf_hooks";
import { decideMatch } from "../src/matching/decide";
import { linksFromPairs } from "../src/matching/links";
import type { AccountLookup } from "../src/matching/lookup";
import type { Decision, LinkLookup, ZapfloorCustomer } from "../src/matching/types";
import { type Division, generateDivision } from "./generate-division";

export const SEED = 20_260_401;
export const ACCOUNTS = 100_000;
export const CUSTOMERS = 10_000;

export interface Measure {
  /** Wall-clock milliseconds. */
  wall: number;
  /** Milliseconds of the process's CPU time (all its threads, so GC helpers count too). */
  cpu: number;
}

export const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
export const ms = (value: number) => `${Math.round(value).toLocaleString("en-GB")} ms`;
export const count = (value: number) => value.toLocaleString("en-GB");

export function timed<T>(work: () => T): Measure & { result: T } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpuBefore);
  return { result, wall, cpu: (user + system) / 1000 };
}

export function loadDivision(): { division: Division; links: LinkLookup } {
  progress(`generating ${count(ACCOUNTS)} accounts and ${count(CUSTOMERS)} customers (seed ${SEED})`);
  const division = generateDivision(SEED, ACCOUNTS, CUSTOMERS);
  return { division, links: linksFromPairs(division.links) };
}

export function matchAll(
  customers: readonly ZapfloorCustomer[],
  lookup: AccountLookup,
  links: LinkLookup,
): Decision[] {
  return customers.map((customer) => decideMatch(customer, lookup, links));
}

/** What two decisions must share to count as the same: outcome, account, reason codes, candidates. */
export function fingerprint(decision: Decision): string {
  return JSON.stringify([
    decision.outcome,
    decision.account?.id,
    decision.reasons.map((reason) => reason.code),
    decision.candidates.map((candidate) => [candidate.account.id, candidate.matchedOn, candidate.score]),
  ]);
}

export function report(result: unknown): void {
  process.stdout.write(JSON.stringify(result));
}
