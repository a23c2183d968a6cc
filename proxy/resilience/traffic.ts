import type { ReplicaPool, Sent } from "./replica-pool";
import { DIVISIONS, type HandPair } from "./stack";

/** What the traffic was told, to compare with what the system holds at the end. */
export interface TrafficRecord {
  submittedInvoices: { division: number; invoiceNumber: string }[];
  newCustomers: { division: number; customerNumber: string }[];
  /** By `division|exactId`: the customer the account is linked to after the last acknowledged call, or null. */
  handLinks: Map<string, string | null>;
  /** Answers that no correct proxy gives (an unlink of an account that was linked answering 404, …). */
  surprises: string[];
}

export interface TrafficOptions {
  pool: ReplicaPool;
  tokens: { integration: string; bookkeeper: string };
  handPairs: HandPair[];
  /** Every account the panel may look up, per division. */
  accountIds: Map<number, string[]>;
  stop: AbortSignal;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const json = (token: string, method: string, body?: unknown): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * Mixed traffic until `stop`: the extension's panel looking accounts up, a bookkeeper linking and unlinking,
 * zapfloor's match-or-create (twice at once for each customer, on different replicas) and invoice pushes.
 */
export async function runTraffic(options: TrafficOptions): Promise<TrafficRecord> {
  const record: TrafficRecord = {
    submittedInvoices: [],
    newCustomers: [],
    handLinks: new Map(options.handPairs.map((pair) => [`${pair.division}|${pair.exactId}`, null])),
    surprises: [],
  };
  const half = Math.ceil(options.handPairs.length / 2);
  await Promise.all([
    panel(options),
    panel(options),
    hands(options, options.handPairs.slice(0, half), record),
    hands(options, options.handPairs.slice(half), record),
    matchOrCreate(options, record),
    invoices(options, record),
  ]);
  return record;
}

async function panel({ pool, tokens, accountIds, stop }: TrafficOptions) {
  while (!stop.aborted) {
    const division = pick(DIVISIONS);
    const exactId = pick(accountIds.get(division) ?? []);
    await pool.send(
      "panel lookup",
      `/v1/divisions/${division}/accounts/${exactId}`,
      json(tokens.bookkeeper, "GET"),
    );
    await sleep(40);
  }
}

/** One bookkeeper toggling the links of the pairs it owns: nobody else touches them, so each outcome is known. */
async function hands({ pool, tokens, stop }: TrafficOptions, pairs: HandPair[], record: TrafficRecord) {
  while (!stop.aborted) {
    const pair = pick(pairs);
    const key = `${pair.division}|${pair.exactId}`;
    const path = `/v1/divisions/${pair.division}/accounts/${pair.exactId}/link`;
    if (record.handLinks.get(key) === null) {
      await pool.send("link", path, json(tokens.bookkeeper, "PUT", { customerNumber: pair.customerNumber }));
      record.handLinks.set(key, pair.customerNumber);
    } else {
      // A retry after an answer that never came may find the unlink already done.
      await pool.send("unlink", path, json(tokens.bookkeeper, "DELETE"), (answer, attempt) => {
        if (answer.status === 200) return "done";
        if (answer.status === 404 && attempt > 0) return "done";
        if (answer.status === 404) record.surprises.push(`unlink of linked ${key} answered 404`);
        return answer.status === 404 ? "done" : "retry";
      });
      record.handLinks.set(key, null);
    }
    await sleep(150);
  }
}

/**
 * Each customer's one name, whichever call sends it. Two customers of one name (without a VAT number) rightly wait
 * for a person instead of a second look-alike account being created, which is not what this run is about.
 */
const nameOf = (customerNumber: string) => {
  const n = customerNumber.slice(1);
  return customerNumber.startsWith("M") ? `Maatschap ${n} Kantoorruimte` : `Vennootschap ${n} Bureauhuur`;
};

const linked = (answer: Sent) =>
  answer.status === 200 && (answer.body as { link: unknown } | null)?.link ? "done" : "retry";

/** zapfloor asks for each new customer's account twice at once, on two replicas: one Exact account must come of it. */
async function matchOrCreate({ pool, tokens, stop }: TrafficOptions, record: TrafficRecord) {
  for (let i = 1; !stop.aborted; i++) {
    const division = DIVISIONS[i % DIVISIONS.length]!;
    const number = `M${i}`;
    await pool.send(
      "customer upsert",
      `/v1/customers/${number}`,
      json(tokens.integration, "PUT", { name: nameOf(number), country: "NL" }),
    );
    record.newCustomers.push({ division, customerNumber: number });
    const match = () =>
      pool.send(
        "match-or-create",
        `/v1/divisions/${division}/customers/${number}/match`,
        json(tokens.integration, "POST", { create: true }),
        linked,
      );
    const answers = await Promise.all([match(), match()]);
    const accounts = new Set(
      answers.map((answer) => (answer.body as { link: { exactId: string } }).link.exactId),
    );
    if (accounts.size > 1) record.surprises.push(`${number} was given ${[...accounts].join(" and ")}`);
    await sleep(2500);
  }
}

/** Invoices, half for customers Exact does not know yet (the push creates them), half for ones just created. */
async function invoices({ pool, tokens, stop }: TrafficOptions, record: TrafficRecord) {
  for (let i = 1; !stop.aborted; i++) {
    const division = DIVISIONS[i % DIVISIONS.length]!;
    const known = record.newCustomers.filter((customer) => customer.division === division);
    const fresh = i % 2 === 0 || known.length === 0;
    const number = fresh ? `N${i}` : pick(known).customerNumber;
    if (fresh) record.newCustomers.push({ division, customerNumber: number });
    const invoiceNumber = `R-${String(i).padStart(4, "0")}`;
    await pool.send(
      "invoice push",
      `/v1/divisions/${division}/sales-entries/${invoiceNumber}`,
      json(tokens.integration, "PUT", {
        type: "invoice",
        date: "2026-03-01",
        dueDate: "2026-03-31",
        description: `Flexplek maart ${invoiceNumber}`,
        customer: { number, name: nameOf(number), country: "NL" },
        lines: [
          { description: "Flexplek, maart", amount: "100.00", vatRate: "21", revenueKey: "desk" },
          { description: "Vergaderruimte", amount: "40.00", vatRate: "21", revenueKey: "meeting_room" },
        ],
        totalInclVat: "169.40",
      }),
      (answer) => (answer.status === 202 || answer.status === 200 ? "done" : "retry"),
    );
    record.submittedInvoices.push({ division, invoiceNumber });
    await sleep(1200);
  }
}
