// `pnpm --filter @zapfloor-exact/shared bench`: the matching core on one large division, indexed versus
// naive. Progress goes to stderr; stdout gets only the Markdown section for the benchmark report.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { AccountIndex } from "../src/matching/account-index";
import { decideMatch } from "../src/matching/decide";
import { LinearScanLookup } from "../src/matching/linear-scan-lookup";
import { linksFromPairs } from "../src/matching/links";
import type { AccountLookup } from "../src/matching/lookup";
import type { Decision, MatchOutcome, ZapfloorCustomer } from "../src/matching/types";
import { generateDivision } from "./generate-division";

const SEED = 20_260_401;
const ACCOUNTS = 100_000;
const CUSTOMERS = 10_000;
const INDEXED_RUNS = 3;
const UPDATES = 10_000;
/** The naive run goes over every customer if that is projected to take less than this; else it samples. */
const NAIVE_BUDGET_MS = 90_000;
const NAIVE_PROBE = 100;

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const ms = (value: number) => `${Math.round(value).toLocaleString("en-GB")} ms`;
const count = (value: number) => value.toLocaleString("en-GB");

function timed<T>(work: () => T): { result: T; elapsed: number } {
  const started = performance.now();
  const result = work();
  return { result, elapsed: performance.now() - started };
}

function matchAll(
  customers: readonly ZapfloorCustomer[],
  lookup: AccountLookup,
  links = linksFromPairs([]),
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

progress(`generating ${count(ACCOUNTS)} accounts and ${count(CUSTOMERS)} customers (seed ${SEED})`);
const division = generateDivision(SEED, ACCOUNTS, CUSTOMERS);
const links = linksFromPairs(division.links);

const builds: number[] = [];
const matches: number[] = [];
let indexedDecisions: Decision[] = [];
let index = new AccountIndex();
for (let run = 1; run <= INDEXED_RUNS; run++) {
  const build = timed(() => new AccountIndex(division.accounts));
  const match = timed(() => matchAll(division.customers, build.result, links));
  builds.push(build.elapsed);
  matches.push(match.elapsed);
  index = build.result;
  indexedDecisions = match.result;
  progress(`indexed run ${run}/${INDEXED_RUNS}: build ${ms(build.elapsed)}, match ${ms(match.elapsed)}`);
}
const indexedTotals = builds.map((build, i) => build + matches[i]!);

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
const projected = (probe.elapsed / NAIVE_PROBE) * CUSTOMERS;
const naiveCustomerCount =
  projected <= NAIVE_BUDGET_MS
    ? CUSTOMERS
    : Math.max(NAIVE_PROBE, Math.floor((NAIVE_BUDGET_MS / probe.elapsed) * NAIVE_PROBE));
progress(
  `naive: ${ms(probe.elapsed)} for ${NAIVE_PROBE} customers, projecting ${ms(projected)} for all; running ${count(naiveCustomerCount)}`,
);
const naiveRest = timed(() =>
  matchAll(division.customers.slice(NAIVE_PROBE, naiveCustomerCount), naiveBuild.result, links),
);
const naiveDecisions = [...probe.result, ...naiveRest.result];
const naiveMeasured = probe.elapsed + naiveRest.elapsed;
const sampled = naiveCustomerCount < CUSTOMERS;
const naiveMatch = sampled ? (naiveMeasured / naiveCustomerCount) * CUSTOMERS : naiveMeasured;
const naiveTotal = naiveBuild.elapsed + naiveMatch;

const agreeing = naiveDecisions.filter(
  (decision, i) => fingerprint(decision) === fingerprint(indexedDecisions[i]!),
).length;
const outcomes = new Map<MatchOutcome, number>();
for (const decision of indexedDecisions)
  outcomes.set(decision.outcome, (outcomes.get(decision.outcome) ?? 0) + 1);

const medianTotal = median(indexedTotals);
const cpus = os.cpus();
const lines = [
  "## Matching core",
  "",
  `One division of ${count(ACCOUNTS)} Exact accounts and ${count(CUSTOMERS)} zapfloor customers, generated from seed ${SEED} ` +
    "(VAT numbers with valid check digits in varied spellings, padded Codes, shared VAT numbers, prospects, stale links, look-alike names). " +
    `Machine: ${os.availableParallelism()} CPUs (${cpus[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ${os.platform()} ${os.arch()}.`,
  "",
  "| measure | indexed (`AccountIndex`) | naive (every customer × every account) |",
  "|---|---:|---:|",
  `| normalise and build over ${count(ACCOUNTS)} accounts | ${ms(median(builds))} | ${ms(naiveBuild.elapsed)} |`,
  `| match ${count(CUSTOMERS)} customers | ${ms(median(matches))} | ${ms(naiveMatch)}${sampled ? " (extrapolated)" : ""} |`,
  `| **total** (target for indexed: under 1,000 ms) | **${ms(medianTotal)}** | **${ms(naiveTotal)}** |`,
  `| ratio naive / indexed | | **${(naiveTotal / medianTotal).toFixed(1)}×** |`,
  "",
  `- Indexed figures are the median of ${INDEXED_RUNS} runs in this process (totals: ${indexedTotals.map(ms).join(", ")}; the first includes JIT warm-up).`,
  sampled
    ? `- The naive match was **measured on the first ${count(naiveCustomerCount)} customers only** (${ms(naiveMeasured)}) and **extrapolated** linearly to ${count(CUSTOMERS)}; its build step ran in full.`
    : `- The naive run was measured in full: all ${count(CUSTOMERS)} customers against all ${count(ACCOUNTS)} accounts.`,
  `- Both give the same decisions: ${count(agreeing)} of ${count(naiveDecisions.length)} compared customers agree on outcome, account, reasons and candidates.`,
  `- Keeping the index in step with the mirror: ${count(UPDATES)} single-account upserts took ${ms(updates.elapsed)} (${((updates.elapsed * 1000) / UPDATES).toFixed(1)} µs each).`,
  `- Outcomes: ${[...outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${outcome} ${count(n)}`)
    .join(", ")}.`,
];
process.stdout.write(`${lines.join("\n")}\n`);
