// The indexed part of the matching benchmark (run by run.ts in a process of its own): build an
// `AccountIndex` and match every customer, several times, then keep it in step with single upserts.
import { AccountIndex } from "../src/matching/account-index";
import type { Decision, MatchOutcome } from "../src/matching/types";
import {
  count,
  fingerprint,
  loadDivision,
  type Measure,
  matchAll,
  ms,
  progress,
  report,
  timed,
} from "./measure";

const RUNS = 5;
const UPDATES = 10_000;

export interface IndexedRun {
  build: Measure;
  match: Measure;
}

export interface IndexedResult {
  runs: IndexedRun[];
  updates: { count: number; wall: number };
  outcomes: [MatchOutcome, number][];
  fingerprints: string[];
}

const { division, links } = loadDivision();
const runs: IndexedRun[] = [];
let index = new AccountIndex();
let decisions: Decision[] = [];
for (let run = 1; run <= RUNS; run++) {
  // Only one index is alive at a time, so later runs do not pay for a heap full of earlier ones.
  [index, decisions] = [new AccountIndex(), []];
  const build = timed(() => new AccountIndex(division.accounts));
  const match = timed(() => matchAll(division.customers, build.result, links));
  [index, decisions] = [build.result, match.result];
  runs.push({ build: { wall: build.wall, cpu: build.cpu }, match: { wall: match.wall, cpu: match.cpu } });
  progress(`indexed run ${run}/${RUNS}: build ${ms(build.wall)}, match ${ms(match.wall)}`);
}

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

const outcomes = new Map<MatchOutcome, number>();
for (const decision of decisions) outcomes.set(decision.outcome, (outcomes.get(decision.outcome) ?? 0) + 1);
report({
  runs,
  updates: { count: UPDATES, wall: updates.wall },
  outcomes: [...outcomes],
  fingerprints: decisions.map(fingerprint),
} satisfies IndexedResult);
