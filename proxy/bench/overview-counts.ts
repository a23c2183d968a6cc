// What the Accounts Overview's counts per state cost on a 100,000-account division: the first time (every listed
// account's state), and after one change (a link or unlink, an account changed in the mirror, a customer changed),
// which brings the counts up to date by the accounts the change reaches. Progress goes to stderr; the Markdown
// section is returned.
import { performance } from "node:perf_hooks";
import { writeCustomer } from "../src/db/customer-store";
import { mirrorRow } from "../src/db/mirror-reads";
import { upsertAccounts } from "../src/db/mirror-store";
import { customerRow } from "../src/services/customers/customer-row";
import { linkAccount } from "../src/services/links/link-account";
import { unlinkAccount } from "../src/services/links/unlink-account";
import { divisionView } from "../src/services/overview/division-view";
import { stateOf } from "../src/services/overview/overview-row";
import { belgianVat } from "../src/testing/dense-division";
import { withBenchProxy } from "./bench-proxy";
import { figure } from "./figures";
import { ms, n } from "./format";
import { STANDARD_DIVISION, writeStandardDivision } from "./large-division";

const { accounts: ACCOUNTS, linked: LINKED } = STANDARD_DIVISION;
const CHANGES = 6;
const DIVISION = 9_000_002;
/** The recount after each change, on this machine, before the counts were kept account by account. */
const BEFORE = "933 ms";

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

      /** The counts as a page asks for them: the view brought up to date (its reads of what changed), then its counts. */
      const timedCounts = async () => {
        const started = performance.now();
        const view = await divisionView(deps, scope);
        const brought = performance.now();
        const counts = await view.counts();
        const done = performance.now();
        return { ms: done - started, countsMs: done - brought, counts, listed: counts.all };
      };
      progress("counting the first time: every listed account's state");
      const first = await timedCounts();
      const kept = await timedCounts();

      type Timed = Awaited<ReturnType<typeof timedCounts>>;
      const afterEach = async (what: string, change: (i: number) => Promise<unknown>) => {
        progress(`counting again after each of ${CHANGES} changes: ${what}`);
        const timed: Timed[] = [];
        for (let i = 0; i < CHANGES; i++) {
          await change(i);
          timed.push(await timedCounts());
        }
        return timed;
      };
      const linkChanges = await afterEach("unlinks and links", (i) => {
        const input = { ...scope, exactId: data.accountIds[i]!, actor: "bench" };
        return i % 2 === 0
          ? unlinkAccount(deps, input)
          : linkAccount(deps, {
              ...input,
              exactId: data.accountIds[i - 1]!,
              customerNumber: data.linkedCustomers[i - 1]!,
            });
      });
      // As a sync or a webhook writes them, here or on another replica: the view learns of them by its probe.
      const accountChanges = await afterEach("an account's VAT number changed in the mirror", async (i) => {
        const row = (await mirrorRow(db, scope, data.accountIds[1_000 + i]!))!;
        await upsertAccounts(db, [{ ...row, vatNumber: belgianVat(i * 7_919), mirroredAt: Date.now() }]);
      });
      const customerChanges = await afterEach("a customer's VAT number changed", (i) => {
        const number = data.linkedCustomers[2_000 + i]!;
        const input = { name: `Customer ${number}`, country: "BE", vatNumber: belgianVat(i * 104_729) };
        return writeCustomer(db, customerRow(tenant.tenantId, number, input, Date.now()));
      });
      const all = [...linkChanges, ...accountChanges, ...customerChanges];
      const perChange = median(all.map((timed) => timed.ms));
      // The kept counts must be what a full recount says.
      const view = await divisionView(deps, scope);
      const whole = { all: 0, linked: 0, unlinked: 0, suggested: 0, conflict: 0 };
      for (const { account } of await view.listing()) {
        whole.all++;
        whole[stateOf(view, account)]++;
      }
      if (JSON.stringify(whole) !== JSON.stringify(all.at(-1)!.counts))
        throw new Error(
          `kept counts ${JSON.stringify(all.at(-1)!.counts)}, a full recount ${JSON.stringify(whole)}`,
        );
      const row = (what: string, timed: Timed[]) => {
        const times = timed.map((one) => one.ms);
        return `| after ${what}, median of ${CHANGES} (min ${ms(Math.min(...times))} ms, max ${ms(Math.max(...times))} ms) | ${ms(median(times))} ms | ${ms(median(timed.map((one) => one.countsMs)))} ms |`;
      };

      return [
        "## Accounts Overview: counts per state",
        "",
        `The overview's filter tabs carry how many of the division's ${n(first.listed)} listed accounts (of ${n(ACCOUNTS)},`,
        `with ${n(data.customers)} zapfloor customers and ${n(LINKED)} links) are in each state. The proxy keeps each listed`,
        "account's state with the counts. The first time, every listed account's state is worked out (in steps, with",
        "turns between them for other requests); after a change, only the accounts it reaches: those sharing a Code,",
        "SearchCode, VAT or company number with the changed account or customer, two steps out. A change is seen the",
        "same way whichever replica made it: by the view's probe and its reads of the changed rows, which the time",
        "below includes. In one process, on the indexes already built:",
        "",
        "| counts per state | view and counts | of which the counts |",
        "|---|---:|---:|",
        `| the first time: every listed account's state | ${ms(first.ms)} ms | ${ms(first.countsMs)} ms |`,
        `| asked again, nothing changed | ${ms(kept.ms)} ms | ${ms(kept.countsMs)} ms |`,
        row("one link or unlink", linkChanges),
        row("one account's VAT number changed in the mirror", accountChanges),
        row("one customer's VAT number changed", customerChanges),
        "",
        `Before the counts were kept account by account, every change cost a full recount: ${BEFORE} per change.`,
        "",
        figure(
          "overview.counts",
          `${ms(perChange)} ms to counts after one change, median of ${all.length} (links, accounts, customers; full recount ${ms(first.countsMs)} ms, ${n(first.listed)} listed accounts)`,
        ),
      ].join("\n");
    },
  );
}
