// The naive part of the matching benchmark (run by run.ts in a process of its own): every customer
// scanned against every account. Within a time budget it covers every customer; beyond it, it measures
// the first ones and the report extrapolates.
import { LinearScanLookup } from "../src/matching/linear-scan-lookup";
import {
  CUSTOMERS,
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

const BUDGET_MS = 60_000;
const PROBE = 100;

export interface NaiveResult {
  build: Measure;
  /** The customers actually matched, from the first. */
  customers: number;
  match: Measure;
  fingerprints: string[];
}

const { division, links } = loadDivision();
progress("naive: normalising every account once, then scanning all of them for each customer");
const build = timed(() => new LinearScanLookup(division.accounts));
const probe = timed(() => matchAll(division.customers.slice(0, PROBE), build.result, links));
const projected = (probe.wall / PROBE) * CUSTOMERS;
const customers =
  projected <= BUDGET_MS ? CUSTOMERS : Math.max(PROBE, Math.floor((BUDGET_MS / probe.wall) * PROBE));
progress(
  `naive: ${ms(probe.wall)} for ${PROBE} customers, ${ms(projected)} projected for all; running ${count(customers)}`,
);
const rest = timed(() => matchAll(division.customers.slice(PROBE, customers), build.result, links));

report({
  build: { wall: build.wall, cpu: build.cpu },
  customers,
  match: { wall: probe.wall + rest.wall, cpu: probe.cpu + rest.cpu },
  fingerprints: [...probe.result, ...rest.result].map(fingerprint),
} satisfies NaiveResult);
