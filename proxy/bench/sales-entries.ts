// Exact calls spent pushing 1,000 zapfloor invoices to Exact as sales entries, under Exact's real limits (60 calls
// a minute, 5,000 a day) on a clock running 200× so the run takes seconds; and the calls of reading the paid state.
import { createAcceleratedClock } from "@zapfloor-exact/exact-sim";
import { checkPaidState } from "../src/services/sales-entries/check-paid";
import { SIM_DIVISION, startSalesFixture } from "../src/services/sales-entries/sim-fixture";
import { deskCreditNote, deskInvoice } from "../src/services/sales-entries/testing";

const ENTRIES = 1000;
const CUSTOMERS = 100;
const SPEED = 200;
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

    return [
      "## Exact calls per pushed sales entry",
      "",
      `${n(ENTRIES)} invoices and credit notes for ${CUSTOMERS} customers (already customers in Exact, found by match-or-create`,
      "in the mirror), pushed by the outbox worker in batches of 100 against the Exact Online simulator with Exact's own",
      `limits (60 calls/min, 5,000/day) on a clock running ${SPEED}× faster. Each batch looks up its \`YourRef\`s in a few`,
      "`YourRef eq … or …` calls, then posts each entry with its lines inline. Submitting costs no Exact call.",
      "",
      "| | calls |",
      "|---|---:|",
      `| submitting ${n(ENTRIES)} invoices | ${n(submitCalls)} |`,
      `| POST salesentry/SalesEntries | ${n(posts)} |`,
      `| GET salesentry/SalesEntries (batched YourRef look-ups) | ${n(lookups)} |`,
      `| anything else | ${n(other)} |`,
      `| **Exact calls per pushed entry** | **${(calls.length / pushed).toFixed(3)}** (target ≤ 1.05) |`,
      `| entries in Exact, each YourRef once | ${n(booked.length)}${once ? " ✔" : " ✖"} |`,
      `| 429 answers received | **${rateLimited}** |`,
      `| Exact's time for these calls at 60 calls/min, at least | ${Math.ceil(calls.length / 60)} min |`,
      "",
      `Paid state: ${n(paid.checked)} pushed entries checked in **${paid.calls}** \`cashflow/Receivables\` calls`,
      "(batched `TransactionEntryID eq guid'…' or …` filters on the stored EntryIDs; paid = every receivable `IsFullyPaid`)",
      `— ${n(paid.paid)} found paid; a second round within the interval costs ${paidAgain.calls}.`,
    ].join("\n");
  } finally {
    await fixture.close();
  }
}
