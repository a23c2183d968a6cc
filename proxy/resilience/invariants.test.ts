import { describe, expect, it } from "vitest";
import { checkInvariants, type RunFacts } from "./invariants";

const D = 7_200_001;
const created = "AAAAAAAA-0000-0000-0000-000000000001";
const hand = "bbbbbbbb-0000-0000-0000-000000000002";

/** A run where everything held: one created customer with one invoice, one account linked by hand and unlinked. */
function goodRun(): RunFacts {
  const invoice = { invoiceNumber: "R-1", state: "pushed", customerNumber: "N-1" };
  return {
    submittedInvoices: [{ division: D, invoiceNumber: "R-1" }],
    proxyEntries: [{ division: D, invoiceNumber: "R-1", state: "pushed", entryId: "E1" }],
    exactEntries: [{ division: D, entryId: "e1", yourRef: "R-1" }],
    newCustomers: [{ division: D, customerNumber: "N-1" }],
    exactAccounts: [
      { division: D, id: created, searchCode: "N-1" },
      { division: D, id: hand, searchCode: null },
    ],
    links: [{ division: D, customerNumber: "N-1", exactId: created.toLowerCase() }],
    expectedManualLinks: [{ division: D, exactId: hand, customerNumber: null }],
    linkAudit: [
      { division: D, action: "create", customerNumber: "N-1", exactId: created, details: { how: "created" } },
      { division: D, action: "link", customerNumber: "H-1", exactId: hand, details: null },
      { division: D, action: "unlink", customerNumber: "H-1", exactId: hand, details: null },
    ],
    events: [
      {
        id: "e1",
        type: "customer.created_in_exact",
        division: D,
        data: { customerNumber: "N-1", exactId: created },
      },
      { id: "e2", type: "link.created", division: D, data: { customerNumber: "N-1", exactId: created } },
      { id: "e3", type: "link.created", division: D, data: { customerNumber: "H-1", exactId: hand } },
      { id: "e4", type: "link.removed", division: D, data: { customerNumber: "H-1", exactId: hand } },
      { id: "e5", type: "invoice.pushed", division: D, data: invoice },
    ],
    received: [],
    deliveriesNotDelivered: 0,
    calls: [
      { endpoint: "oauth2/token", status: 200, grantType: "refresh_token" },
      { endpoint: "crm/Accounts", status: 429, fault: "rateLimit" },
      { endpoint: "salesentry/SalesEntries", status: 0, fault: "dropAfterWrite" },
    ],
    unexpectedClientErrors: [],
    connectionStatus: "active",
    exactReachableAfter: true,
  };
}

function withReceived(facts: RunFacts): RunFacts {
  // At least once: the receiver may see an event twice.
  return { ...facts, received: [...facts.events, facts.events[0]!] };
}

const failing = (facts: RunFacts) =>
  checkInvariants(facts)
    .filter((verdict) => !verdict.ok)
    .map((verdict) => verdict.name);

describe("the resilience run's invariants", () => {
  it("all hold on a run where nothing went wrong", () => {
    expect(failing(withReceived(goodRun()))).toEqual([]);
  });

  it.each<[string, (facts: RunFacts) => RunFacts]>([
    [
      "no duplicate Exact customer",
      (f) => ({ ...f, exactAccounts: [...f.exactAccounts, { division: D, id: "c2", searchCode: "N-1" }] }),
    ],
    [
      "every invoice in Exact exactly once",
      (f) => ({ ...f, exactEntries: [...f.exactEntries, { division: D, entryId: "e2", yourRef: "R-1" }] }),
    ],
    ["every invoice in Exact exactly once", (f) => ({ ...f, exactEntries: [] })],
    [
      "every invoice in Exact exactly once",
      (f) => ({ ...f, proxyEntries: [{ ...f.proxyEntries[0]!, state: "failed" }] }),
    ],
    [
      "no lost or doubled link",
      (f) => ({ ...f, expectedManualLinks: [{ division: D, exactId: hand, customerNumber: "H-1" }] }),
    ],
    [
      "no lost or doubled link",
      (f) => ({ ...f, links: [...f.links, { division: D, customerNumber: "N-1", exactId: hand }] }),
    ],
    ["tokens still valid", (f) => ({ ...f, connectionStatus: "needs_reconnect" })],
    [
      "tokens still valid",
      (f) => ({
        ...f,
        calls: [...f.calls, { endpoint: "oauth2/token", status: 400, grantType: "refresh_token" }],
      }),
    ],
    [
      "no 429 beyond those injected",
      (f) => ({ ...f, calls: [...f.calls, { endpoint: "crm/Accounts", status: 429 }] }),
    ],
    [
      "no unexpected 4xx at the simulator",
      (f) => ({ ...f, unexpectedClientErrors: [{ method: "GET", endpoint: "crm/Accounts", status: 400 }] }),
    ],
  ])("%s fails when it is broken", (name, breakIt) => {
    expect(failing(breakIt(withReceived(goodRun())))).toContain(name);
  });

  it("says why an invoice was not pushed, as the proxy recorded it", () => {
    const run = withReceived(goodRun());
    const parked = { state: "needs_review", entryId: null, lastError: "Two accounts carry 1042." };
    const verdict = checkInvariants({
      ...run,
      proxyEntries: [{ ...run.proxyEntries[0]!, ...parked }],
    }).find((v) => v.name === "every invoice in Exact exactly once");
    expect(verdict?.detail).toContain("R-1 in 7200001: needs_review (Two accounts carry 1042.)");
  });

  it("finds an event that never reached the receiver, even one the outbox never held", () => {
    const run = goodRun();
    const lost = { ...run, received: run.events.filter((event) => event.type !== "link.removed") };
    expect(failing(lost)).toEqual(["every state change delivered as an event"]);
    const neverWritten = withReceived({ ...run, events: run.events.filter((event) => event.id !== "e5") });
    expect(failing(neverWritten)).toEqual(["every state change delivered as an event"]);
    expect(failing({ ...withReceived(run), deliveriesNotDelivered: 1 })).toEqual([
      "every state change delivered as an event",
    ]);
  });
});
