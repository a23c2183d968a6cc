/**
 * What must hold after replicas were killed and Exact misbehaved: pure checks over what the run observed (the
 * simulator's ledger, the proxy's database, the webhook receiver, the traffic's own record of what it was told).
 */

export interface ObservedCall {
  endpoint: string;
  status: number;
  /** The injected fault that shaped the answer, if any. */
  fault?: string;
  grantType?: string;
}

export interface RunFacts {
  /** Invoices the traffic submitted and the proxy accepted (202). */
  submittedInvoices: { division: number; invoiceNumber: string }[];
  proxyEntries: {
    division: number;
    invoiceNumber: string;
    state: string;
    entryId: string | null;
    /** Why its last attempt did not push it, as the proxy recorded it. */
    lastError?: string | null;
  }[];
  exactEntries: { division: number; entryId: string; yourRef: string | null }[];
  /** Customers that were not in Exact before the run: match-or-create and invoices had to create them. */
  newCustomers: { division: number; customerNumber: string }[];
  exactAccounts: { division: number; id: string; searchCode: string | null }[];
  links: { division: number; customerNumber: string; exactId: string }[];
  /** The link each hand-linked account must have after every acknowledged link and unlink (null: none). */
  expectedManualLinks: { division: number; exactId: string; customerNumber: string | null }[];
  linkAudit: {
    division: number;
    action: string;
    customerNumber: string;
    exactId: string;
    details: Record<string, unknown> | null;
  }[];
  /** The proxy's event outbox for the tenant. */
  events: ReceivedEvent[];
  /** What the webhook receiver answered 2xx to (duplicates included). */
  received: ReceivedEvent[];
  deliveriesNotDelivered: number;
  calls: ObservedCall[];
  unexpectedClientErrors: { method: string; endpoint: string; status: number }[];
  connectionStatus: string;
  /** An Exact call made through the proxy after the run (a sync of each division) succeeded. */
  exactReachableAfter: boolean;
}

export interface ReceivedEvent {
  id: string;
  type: string;
  division: number | null;
  data: Record<string, unknown>;
}

export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

const id = (value: string) => value.toLowerCase().replace(/[{}]/g, "");
const key = (...parts: (string | number | null)[]) => parts.join("|");
const sample = (items: string[]) =>
  items.length > 5 ? `${items.slice(0, 5).join(", ")}, …` : items.join(", ");

function verdict(name: string, problems: string[], fine: string): Verdict {
  return problems.length
    ? { name, ok: false, detail: `${problems.length}: ${sample(problems)}` }
    : { name, ok: true, detail: fine };
}

function countBy<T>(items: T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

export function noDuplicateCustomer(facts: RunFacts): Verdict {
  const searchCodes = countBy(
    facts.exactAccounts.filter((account) => account.searchCode),
    (account) => key(account.division, account.searchCode),
  );
  const problems = facts.newCustomers.flatMap(({ division, customerNumber }) => {
    const n = searchCodes.get(key(division, customerNumber)) ?? 0;
    return n === 1 ? [] : [`${customerNumber} in ${division}: ${n} Exact accounts`];
  });
  return verdict(
    "no duplicate Exact customer",
    problems,
    `${facts.newCustomers.length} new customers, each exactly one Exact account`,
  );
}

export function everyInvoiceOnce(facts: RunFacts): Verdict {
  const inExact = countBy(facts.exactEntries, (entry) => key(entry.division, entry.yourRef));
  const entries = new Map(
    facts.proxyEntries.map((entry) => [key(entry.division, entry.invoiceNumber), entry]),
  );
  const submitted = new Set(
    facts.submittedInvoices.map((invoice) => key(invoice.division, invoice.invoiceNumber)),
  );
  const problems: string[] = [];
  for (const { division, invoiceNumber } of facts.submittedInvoices) {
    const n = inExact.get(key(division, invoiceNumber)) ?? 0;
    const entry = entries.get(key(division, invoiceNumber));
    if (n !== 1) problems.push(`${invoiceNumber} in ${division}: ${n} times in Exact`);
    if (entry?.state !== "pushed") {
      const why = entry?.lastError ? ` (${entry.lastError})` : "";
      problems.push(`${invoiceNumber} in ${division}: ${entry?.state ?? "unknown"}${why}`);
    }
    const booked = facts.exactEntries.find(
      (exact) => exact.division === division && exact.yourRef === invoiceNumber,
    );
    if (n === 1 && entry?.entryId && booked && id(entry.entryId) !== id(booked.entryId))
      problems.push(`${invoiceNumber}: the proxy holds ${entry.entryId}, Exact ${booked.entryId}`);
  }
  for (const exact of facts.exactEntries) {
    if (!submitted.has(key(exact.division, exact.yourRef)))
      problems.push(`${exact.entryId} in ${exact.division}: booked but never submitted (${exact.yourRef})`);
  }
  return verdict(
    "every invoice in Exact exactly once",
    problems,
    `${facts.submittedInvoices.length} invoices, each pushed and booked once`,
  );
}

export function noLostOrDoubledLink(facts: RunFacts): Verdict {
  const problems: string[] = [];
  for (const [k, n] of countBy(facts.links, (link) => key(link.division, link.customerNumber)))
    if (n > 1) problems.push(`customer ${k} has ${n} links`);
  for (const [k, n] of countBy(facts.links, (link) => key(link.division, id(link.exactId))))
    if (n > 1) problems.push(`account ${k} has ${n} links`);
  const byAccount = new Map(facts.links.map((link) => [key(link.division, id(link.exactId)), link]));
  for (const expected of facts.expectedManualLinks) {
    const actual = byAccount.get(key(expected.division, id(expected.exactId)))?.customerNumber ?? null;
    if (actual !== expected.customerNumber)
      problems.push(`account ${expected.exactId}: expected ${expected.customerNumber}, found ${actual}`);
  }
  const accountOf = new Map(
    facts.exactAccounts.map((account) => [key(account.division, account.searchCode), id(account.id)]),
  );
  const byCustomer = new Map(facts.links.map((link) => [key(link.division, link.customerNumber), link]));
  for (const { division, customerNumber } of facts.newCustomers) {
    const link = byCustomer.get(key(division, customerNumber));
    const account = accountOf.get(key(division, customerNumber));
    if (!link) problems.push(`new customer ${customerNumber} in ${division} is not linked`);
    else if (id(link.exactId) !== account)
      problems.push(
        `new customer ${customerNumber} is linked to ${link.exactId}, not its account ${account}`,
      );
  }
  return verdict(
    "no lost or doubled link",
    problems,
    `${facts.links.length} links; ${facts.expectedManualLinks.length} hand-linked accounts as last acknowledged`,
  );
}

export function tokensStillValid(facts: RunFacts): Verdict {
  const refused = facts.calls.filter(
    (call) => call.endpoint === "oauth2/token" && call.status >= 400 && !call.fault,
  );
  const problems = [
    ...(facts.connectionStatus === "active" ? [] : [`connection is ${facts.connectionStatus}`]),
    ...(facts.exactReachableAfter ? [] : ["no Exact call succeeded after the run"]),
    ...refused.map((call) => `token call answered ${call.status} (${call.grantType ?? "?"})`),
  ];
  const refreshes = facts.calls.filter(
    (call) => call.endpoint === "oauth2/token" && call.grantType === "refresh_token" && call.status === 200,
  ).length;
  return verdict("tokens still valid", problems, `connection active after ${refreshes} token refreshes`);
}

export function noUninjected429(facts: RunFacts): Verdict {
  const extra = facts.calls.filter((call) => call.status === 429 && !call.fault);
  const injected = facts.calls.filter((call) => call.status === 429 && call.fault).length;
  return verdict(
    "no 429 beyond those injected",
    extra.map((call) => `429 on ${call.endpoint}`),
    `${injected} injected, none other`,
  );
}

export function noUnexpectedClientError(facts: RunFacts): Verdict {
  return verdict(
    "no unexpected 4xx at the simulator",
    facts.unexpectedClientErrors.map((call) => `${call.method} ${call.endpoint} → ${call.status}`),
    "none",
  );
}

/**
 * Every state change has its event, and every event reached the receiver at least once. The state changes are
 * read from where they happened (the link audit trail, the proxy's pushed entries, the accounts in Exact), not
 * from the outbox, so that a change committed without its event is caught too.
 */
export function everyChangeDelivered(facts: RunFacts): Verdict {
  const problems: string[] = [];
  const receivedIds = new Set(facts.received.map((event) => event.id));
  for (const event of facts.events)
    if (!receivedIds.has(event.id)) problems.push(`${event.type} ${event.id} never delivered`);
  if (facts.deliveriesNotDelivered > 0)
    problems.push(`${facts.deliveriesNotDelivered} deliveries still waiting`);

  const unique = [...new Map(facts.received.map((event) => [event.id, event])).values()];
  const got = countBy(unique, (event) =>
    event.type.startsWith("invoice.")
      ? key(event.type, event.division, String(event.data.invoiceNumber), "")
      : key(event.type, event.division, String(event.data.customerNumber), id(String(event.data.exactId))),
  );
  const wanted = new Map<string, number>();
  const want = (k: string) => wanted.set(k, (wanted.get(k) ?? 0) + 1);
  for (const row of facts.linkAudit) {
    const exactId = id(row.exactId);
    if (row.action === "unlink") want(key("link.removed", row.division, row.customerNumber, exactId));
    else if (row.action === "create") {
      want(key("customer.created_in_exact", row.division, row.customerNumber, exactId));
      if (row.details?.linked !== false) want(key("link.created", row.division, row.customerNumber, exactId));
    } else want(key("link.created", row.division, row.customerNumber, exactId));
  }
  for (const entry of facts.proxyEntries)
    if (entry.state === "pushed") want(key("invoice.pushed", entry.division, entry.invoiceNumber, ""));
  for (const [k, n] of wanted) {
    const have = got.get(k) ?? 0;
    if (have < n) problems.push(`${k}: ${n} changes, ${have} events received`);
  }
  const changes = [...wanted.values()].reduce((sum, n) => sum + n, 0);
  return verdict(
    "every state change delivered as an event",
    problems,
    `${changes} state changes, ${unique.length} events received (${facts.received.length - unique.length} more than once)`,
  );
}

export const invariants = [
  noDuplicateCustomer,
  everyInvoiceOnce,
  noLostOrDoubledLink,
  tokensStillValid,
  noUninjected429,
  noUnexpectedClientError,
  everyChangeDelivered,
];

export const checkInvariants = (facts: RunFacts): Verdict[] => invariants.map((check) => check(facts));
