// Exact calls spent pushing 1,000 zapfloor invoices to Exact as sales entries, under Exact's real limits (60 calls
// a minute, 5,000 a day) on a clock running 20× so the run takes about a minute; how full it keeps Exact's minutely
// windows; and the calls of reading the paid state.
import { createAcceleratedClock } from "@zapfloor-exact/exact-sim";
import { checkPaidState } from "../src/services/sales-entries/check-paid";
import { SIM_DIVISION, startSalesFixture } from "../src/services/sales-entries/sim-fixture";
import { deskCreditNote, deskInvoice } from "../src/services/sales-entries/testing";
import { figure } from "./figures";

const ENTRIES = 1000;
const CUSTOMERS = 100;
const SPEED = Number(process.env.BENCH_OUTBOX_SPEED ?? 20);
const MINUTELY = 60;
const MINUTE = 60_000;
const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const n = (value: number) => value.toLocaleString("en-GB");

export default async function salesEntries(): Promise<string> {
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `C${String(i + 1).padStart(4, "0")}`);
  const fixture = await startSalesFixture({ clock: createAcceleratedClock({ speed: SPEED }), customers });
  try {
    const f = fixture;
    progress(`submitting ${n(ENTRIES)} invoices`);
    for (let i = 0; i < ENTRIES; i++) {
      const customer = { number: customers[i % CUSTOMERS]!, name: "Klant", country: "NL" };
      const body = i % 10 === 9 ? deskCreditNote({ customer }) : deskInvoice({ customer });
      const response = await f.submit(`B-${String(i + 1).padStart(5, "0")}`, body);
      if (response.status !== 202)
        throw new Error(`submit ${i}: ${response.status} ${await response.text()}`);
    }
    const submitCalls = f.exactCalls().length;

    progress(`pushing at Exact's 60 calls/min on a ${SPEED}× clock`);
    let pushed = 0;
    for (;;) {
      const result = await f.push({ batchSize: 100 });
      if (result.claimed === 0) break;
      pushed += result.pushed + result.recovered;
      progress(`${n(pushed)} pushed`);
    }
    const calls = f.exactCalls();
    const count = (method: string, endpoint: string) =>
      calls.filter((call) => call.method === method && call.endpoint === endpoint).length;
    const posts = count("POST", "salesentry/SalesEntries");
    const lookups = count("GET", "salesentry/SalesEntries");
    const other = calls.length - posts - lookups;
    const booked = f.sim.control.salesEntries(SIM_DIVISION);
    const once =
      new Set(booked.map((entry) => entry.YourRef)).size === booked.length && booked.length === ENTRIES;

    progress("reading the paid state");
    for (const entry of booked.filter((_, i) => i % 3 === 0))
      f.sim.control.markSalesEntryPaid(SIM_DIVISION, entry.EntryID);
    f.sim.control.resetCalls();
    const paid = await checkPaidState(f.harness.deps, { intervalMs: 3_600_000, batchSize: ENTRIES });
    const paidAgain = await checkPaidState(f.harness.deps, { intervalMs: 3_600_000, batchSize: ENTRIES });
    const rateLimited = f.sim.calls.summary().rateLimited;
    const use = minutelyUse(calls.map((call) => call.at));
    progress(
      `calls per minute: ${use.perMinute.join(" ")}; not 2xx: ${calls
        .filter((call) => call.status >= 300 || call.status === 0)
        .map((call) => `${call.method} ${call.status} ${call.fault ?? ""}`)
        .join(", ")}`,
    );

    return [
      "## Exact calls per pushed sales entry",
      "",
      `${n(ENTRIES)} invoices and credit notes for ${CUSTOMERS} customers (already customers in Exact, found by match-or-create`,
      "in the mirror), pushed by the outbox worker in batches of 100 against the Exact Online simulator with Exact's own",
      `limits (60 calls/min, 5,000/day) on a clock running ${SPEED}× faster (faster still, the proxy's own`,
      "milliseconds per entry would count for seconds of Exact's time). The worker",
      "posts each entry with its lines inline; a `YourRef` is looked up (in batched `YourRef eq … or …` calls) only",
      "for an entry whose earlier POST may have reached Exact. Submitting costs no Exact call.",
      "",
      "| | calls |",
      "|---|---:|",
      `| submitting ${n(ENTRIES)} invoices | ${n(submitCalls)} |`,
      `| POST salesentry/SalesEntries | ${n(posts)} |`,
      `| GET salesentry/SalesEntries (YourRef look-ups) | ${n(lookups)} |`,
      `| anything else | ${n(other)} |`,
      `| **Exact calls per pushed entry** | **${(calls.length / pushed).toFixed(3)}** (target ≤ 1.005) |`,
      `| entries in Exact, each YourRef once | ${n(booked.length)}${once ? " ✔" : " ✖"} |`,
      `| 429 answers received | **${rateLimited}** |`,
      `| Exact's time for these calls at 60 calls/min, at least | ${Math.ceil(calls.length / 60)} min |`,
      `| minutes the backlog took on the simulator's clock (from the first call's minute to the last's) | ${use.minutes} |`,
      `| calls per full minute in between (all but the first and last minute), mean / lowest | ${use.mean.toFixed(1)} / ${use.lowest} of ${MINUTELY} |`,
      `| **share of the minutely limit used** while the backlog drains | **${(use.share * 100).toFixed(1)} %** (target ≥ 95 %) |`,
      "",
      figure("outbox.calls", (calls.length / pushed).toFixed(3)),
      figure("outbox.share", `${(use.share * 100).toFixed(1)} %, ${rateLimited} × 429`),
      "",
      `Paid state: ${n(paid.checked)} pushed entries checked in **${paid.calls}** \`cashflow/Receivables\` calls`,
      "(batched `TransactionEntryID eq guid'…' or …` filters on the stored EntryIDs; paid = every receivable `IsFullyPaid`)",
      `— ${n(paid.paid)} found paid; a second round within the interval costs ${paidAgain.calls}.`,
    ].join("\n");
  } finally {
    await fixture.close();
  }
}

/**
 * How full Exact's minutely windows were kept while the backlog drained: the calls in each whole window between
 * the first and the last (those two are partial: the backlog starts and ends inside them), empty ones included.
 */
function minutelyUse(times: number[]): {
  minutes: number;
  perMinute: number[];
  mean: number;
  lowest: number;
  share: number;
} {
  const perMinute = new Map<number, number>();
  for (const at of times) {
    const minute = Math.floor(at / MINUTE);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  const first = Math.min(...perMinute.keys());
  const last = Math.max(...perMinute.keys());
  const middle: number[] = [];
  for (let minute = first + 1; minute < last; minute++) middle.push(perMinute.get(minute) ?? 0);
  const total = middle.reduce((sum, count) => sum + count, 0);
  const mean = middle.length ? total / middle.length : Number.NaN;
  const all = [perMinute.get(first) ?? 0, ...middle, ...(last > first ? [perMinute.get(last) ?? 0] : [])];
  return {
    minutes: last - first + 1,
    perMinute: all,
    mean,
    lowest: Math.min(...middle),
    share: mean / MINUTELY,
  };
}
