// `pnpm --filter @zapfloor-exact/shared bench`: the matching core on one large division, indexed versus
// naive. Progress goes to stderr; stdout gets only the Markdown section for the benchmark report.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { AccountIndex } from "../src/matching/account-index";
import { decideMatch } from "../src/matching/decide";
import { LinearScanLookup } from "../src/matching/linear-scan-lookup";
import { linksFromPairs } from "../src/matching/links";
import type { AccountLookup } from "../src/matching/lookup";
import type { Decision, LinkLookup, MatchOutcome, ZapfloorCustomer } from "../src/matching/types";
import { generateDivision } from "./generate-division";

const SEED = 20_260_401;
const ACCOUNTS = 100_000;
const CUSTOMERS = 10_000;
const INDEXED_RUNS = 5;
const UPDATES = 10_000;
/** The naive run covers every customer if that is projected to take at most this; else it samples. */
const NAIVE_BUDGET_MS = 60_000;
const NAIVE_PROBE = 100;

interface Timing<T> {
  result: T;
  /** Wall-clock milliseconds. */
  wall: number;
  /** Milliseconds of this process's CPU time (all its threads, so GC helpers count too). */
  cpu: number;
}

interface Measure {
  wall: number;
  cpu: number;
}

interface IndexedRun {
  build: Measure;
  match: Measure;
  wall: number;
}

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const ms = (value: number) => `${Math.round(value).toLocaleString("en-GB")} ms`;
const count = (value: number) => value.toLocaleString("en-GB");
const load = () => os.loadavg()[0]!.toFixed(2);

function timed<T>(work: () => T): Timing<T> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpuBefore);
  return { result, wall, cpu: (user + system) / 1000 };
}

function matchAll(
  customers: readonly ZapfloorCustomer[],
  lookup: AccountLookup,
  links: LinkLookup,
): Decision[] {
  return customers.map((customer) => decideMatch(customer, lookup, links));
}

/** What two decisions must share to count as the same: outcome, account, reason codes, candidates. */
function fingerprint(decision: Decision): string {
  return JSON.stringify([
    decision.outcome,
    decision.account?.id,
    decision.reasons.map((reason) => reason.code),
    decision.candidates.map((candidate) => [candidate.account.id, candidate.matchedOn, candidate.score]),
  ]);
}

function byWall<R extends { wall: number }>(runs: R[]): R[] {
  return [...runs].sort((a, b) => a.wall - b.wall);
}

const loadAtStart = load();
progress(`generating ${count(ACCOUNTS)} accounts and ${count(CUSTOMERS)} customers (seed ${SEED})`);
const division = generateDivision(SEED, ACCOUNTS, CUSTOMERS);
const links = linksFromPairs(division.links);

const indexedRuns: IndexedRun[] = [];
let index = new AccountIndex();
let indexedDecisions: Decision[] = [];
for (let run = 1; run <= INDEXED_RUNS; run++) {
  // Only one index is alive at a time, so later runs do not pay for a heap full of earlier ones.
  [index, indexedDecisions] = [new AccountIndex(), []];
  const build = timed(() => new AccountIndex(division.accounts));
  const match = timed(() => matchAll(division.customers, build.result, links));
  [index, indexedDecisions] = [build.result, match.result];
  indexedRuns.push({
    build: { wall: build.wall, cpu: build.cpu },
    match: { wall: match.wall, cpu: match.cpu },
    wall: build.wall + match.wall,
  });
  progress(`indexed run ${run}/${INDEXED_RUNS}: build ${ms(build.wall)}, match ${ms(match.wall)}`);
}
const totals = byWall(indexedRuns);
const best = totals[0]!;
const median = totals[Math.floor(totals.length / 2)]!;

progress(`applying ${count(UPDATES)} mirror updates one account at a time`);
const updates = timed(() => {
  for (let i = 0; i < UPDATES; i++) {
    const account = division.accounts[i]!;
    index.upsert({
      ...account,
      name: `${account.name} Updated`,
      vatNumber: i % 2 === 0 ? null : account.vatNumber,
    });
  }
});

progress("naive: normalising every account once, then scanning all of them for each customer");
const naiveBuild = timed(() => new LinearScanLookup(division.accounts));
const probe = timed(() => matchAll(division.customers.slice(0, NAIVE_PROBE), naiveBuild.result, links));
const projected = (probe.wall / NAIVE_PROBE) * CUSTOMERS;
const naiveCustomers =
  projected <= NAIVE_BUDGET_MS
    ? CUSTOMERS
    : Math.max(NAIVE_PROBE, Math.floor((NAIVE_BUDGET_MS / probe.wall) * NAIVE_PROBE));
progress(
  `naive: ${ms(probe.wall)} for ${NAIVE_PROBE} customers, ${ms(projected)} projected for all; running ${count(naiveCustomers)}`,
);
const naiveRest = timed(() =>
  matchAll(division.customers.slice(NAIVE_PROBE, naiveCustomers), naiveBuild.result, links),
);
const naiveDecisions = [...probe.result, ...naiveRest.result];
const sampled = naiveCustomers < CUSTOMERS;
const scale = CUSTOMERS / naiveCustomers;
const naiveMatchWall = (probe.wall + naiveRest.wall) * scale;
const naiveMatchCpu = (probe.cpu + naiveRest.cpu) * scale;
const naiveTotal = naiveBuild.wall + naiveMatchWall;

const agreeing = naiveDecisions.filter(
  (decision, i) => fingerprint(decision) === fingerprint(indexedDecisions[i]!),
).length;
const outcomes = new Map<MatchOutcome, number>();
for (const decision of indexedDecisions)
  outcomes.set(decision.outcome, (outcomes.get(decision.outcome) ?? 0) + 1);

const extrapolated = sampled ? " (extrapolated)" : "";
const lines = [
  "## Matching core",
  "",
  `One division of ${count(ACCOUNTS)} Exact accounts and ${count(CUSTOMERS)} zapfloor customers, generated from seed ${SEED} ` +
    "(VAT numbers with valid check digits in varied spellings, padded Codes, shared VAT numbers, prospects, stale links, look-alike names). " +
    `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ` +
    `${os.platform()} ${os.arch()}; 1-minute load average ${loadAtStart} at the start and ${load()} at the end.`,
  "",
  `| measure | indexed (\`AccountIndex\`), best of ${INDEXED_RUNS}, wall | its CPU | indexed, median run, wall | naive (every customer × every account), wall | its CPU |`,
  "|---|---:|---:|---:|---:|---:|",
  `| normalise and build over ${count(ACCOUNTS)} accounts | ${ms(best.build.wall)} | ${ms(best.build.cpu)} | ${ms(median.build.wall)} | ${ms(naiveBuild.wall)} | ${ms(naiveBuild.cpu)} |`,
  `| match ${count(CUSTOMERS)} customers | ${ms(best.match.wall)} | ${ms(best.match.cpu)} | ${ms(median.match.wall)} | ${ms(naiveMatchWall)}${extrapolated} | ${ms(naiveMatchCpu)}${extrapolated} |`,
  `| **total** (target for indexed: under 1,000 ms) | **${ms(best.wall)}** | ${ms(best.build.cpu + best.match.cpu)} | ${ms(median.wall)} | **${ms(naiveTotal)}**${extrapolated} | ${ms(naiveBuild.cpu + naiveMatchCpu)} |`,
  `| **ratio naive / indexed** (wall, best run) | | | | **${(naiveTotal / best.wall).toFixed(0)}×** | |`,
  "",
  `- Indexed: ${INDEXED_RUNS} runs in this process, each building a fresh index (totals ${indexedRuns.map((run) => ms(run.build.wall + run.match.wall)).join(", ")}, in run order; the first includes JIT warm-up). The best run is the least disturbed by other work on the machine; the median shows a typical one.`,
  sampled
    ? `- Naive: **measured on the first ${count(naiveCustomers)} customers only** (${ms(probe.wall + naiveRest.wall)} wall) and **extrapolated linearly** to ${count(CUSTOMERS)}; its build step ran in full.`
    : `- Naive: measured in full, all ${count(CUSTOMERS)} customers against all ${count(ACCOUNTS)} accounts.`,
  `- Both give the same decisions: ${count(agreeing)} of ${count(naiveDecisions.length)} compared customers agree on outcome, account, reasons and candidates.`,
  `- Keeping the index in step with the mirror: ${count(UPDATES)} single-account upserts took ${ms(updates.wall)} (${((updates.wall * 1000) / UPDATES).toFixed(0)} µs each).`,
  `- Outcomes: ${[...outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${outcome} ${count(n)}`)
    .join(", ")}.`,
];
process.stdout.write(`${lines.join("\n")}\n`);
