// What the Accounts Overview's counts per state cost on a 100,000-account division: the first time, and again after
// each link or unlink, which today works them out again over the whole division. Progress goes to stderr; the
// Markdown section is returned.
import { performance } from "node:perf_hooks";
import { linkAccount } from "../src/services/links/link-account";
import { unlinkAccount } from "../src/services/links/unlink-account";
import { divisionView } from "../src/services/overview/division-view";
import { withBenchProxy } from "./bench-proxy";
import { figure } from "./figures";
import { ms, n } from "./format";
import { STANDARD_DIVISION, writeStandardDivision } from "./large-division";

const { accounts: ACCOUNTS, linked: LINKED } = STANDARD_DIVISION;
const CHANGES = 6;
const DIVISION = 9_000_002;

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export default function overviewCounts(): Promise<string> {
  return withBenchProxy(
    { folderPrefix: "zfx-bench-counts-", tenantName: "Bench counts" },
    async ({ db, deps, tenant }) => {
      const data = await writeStandardDivision(
        db,
        { tenantId: tenant.tenantId, division: DIVISION },
        progress,
      );
      const scope = { tenantId: tenant.tenantId, division: DIVISION };
      progress("building the division's indexes");
      await divisionView(deps, scope);

      /** The counts as a page asks for them: the view brought up to date, then its counts. */
      const timedCounts = async () => {
        const started = performance.now();
        const view = await divisionView(deps, scope);
        const counts = await view.counts();
        return { ms: performance.now() - started, counts, listed: (await view.listing()).length };
      };
      progress("counting the first time");
      const first = await timedCounts();
      const kept = await timedCounts();

      progress(`counting again after each of ${CHANGES} unlinks and links`);
      const afterChange: number[] = [];
      for (let i = 0; i < CHANGES; i++) {
        const exactId = data.accountIds[i]!;
        const input = { ...scope, exactId, actor: "bench" };
        if (i % 2 === 0) await unlinkAccount(deps, input);
        else
          await linkAccount(deps, {
            ...input,
            exactId: data.accountIds[i - 1]!,
            customerNumber: data.linkedCustomers[i - 1]!,
          });
        afterChange.push((await timedCounts()).ms);
      }
      const perChange = median(afterChange);

      return [
        "## Accounts Overview: counts per state",
        "",
        `The overview's filter tabs carry how many of the division's ${n(first.listed)} listed accounts (of ${n(ACCOUNTS)},`,
        `with ${n(data.customers)} zapfloor customers and ${n(LINKED)} links) are in each state. The counts are worked out`,
        "in one pass over the division's listing, with each account's suggestion, and kept until the accounts, the",
        "customers or the links change; then the next page works them out again, whole. In one process, on the",
        "indexes already built:",
        "",
        "| counts per state | time |",
        "|---|---:|",
        `| the first time (the listing, every listed account's suggestion, the tally) | ${ms(first.ms)} ms |`,
        `| asked again, nothing changed | ${ms(kept.ms)} ms |`,
        `| after one link or unlink, median of ${CHANGES} (min ${ms(Math.min(...afterChange))} ms, max ${ms(Math.max(...afterChange))} ms) | ${ms(perChange)} ms |`,
        "",
        figure(
          "overview.counts",
          `${ms(perChange)} ms per recount after one change, ${n(first.listed)} listed accounts (first ${ms(first.ms)} ms)`,
        ),
      ].join("\n");
    },
  );
}
