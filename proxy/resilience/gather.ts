import { eq } from "drizzle-orm";
import {
  events,
  exactConnections,
  linkEvents,
  links,
  salesEntries,
  webhookDeliveries,
} from "../src/db/schema";
import type { RunFacts } from "./invariants";
import { DIVISIONS, type Stack } from "./stack";
import type { TrafficRecord } from "./traffic";

/** Reads what the run left behind: the simulator's ledger, the proxy's database, the receiver's log. */
export async function gatherFacts(stack: Stack, record: TrafficRecord): Promise<RunFacts> {
  const { db } = stack.database;
  const tenantId = stack.tenant.tenantId;
  const sim = stack.simulator.sim;
  const exactReachableAfter = await syncEveryDivision(stack);

  const entries = await db.select().from(salesEntries).where(eq(salesEntries.tenantId, tenantId));
  const connections = await db.select().from(exactConnections).where(eq(exactConnections.tenantId, tenantId));
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.tenantId, tenantId));
  return {
    submittedInvoices: record.submittedInvoices,
    proxyEntries: entries.map((entry) => ({
      division: entry.division,
      invoiceNumber: entry.invoiceNumber,
      state: entry.state,
      entryId: entry.exactEntryId,
      lastError: entry.lastError,
    })),
    exactEntries: DIVISIONS.flatMap((division) =>
      sim.control
        .salesEntries(division)
        .map((entry) => ({ division, entryId: entry.EntryID, yourRef: entry.YourRef })),
    ),
    newCustomers: record.newCustomers,
    exactAccounts: DIVISIONS.flatMap((division) =>
      sim.control.accounts(division).map((account) => ({
        division,
        id: account.ID,
        searchCode: typeof account.SearchCode === "string" ? account.SearchCode.trim() || null : null,
      })),
    ),
    links: await db
      .select({ division: links.division, customerNumber: links.customerNumber, exactId: links.exactId })
      .from(links)
      .where(eq(links.tenantId, tenantId)),
    expectedManualLinks: [...record.handLinks].map(([key, customerNumber]) => {
      const [division, exactId] = key.split("|") as [string, string];
      return { division: Number(division), exactId, customerNumber };
    }),
    linkAudit: await db
      .select({
        division: linkEvents.division,
        action: linkEvents.action,
        customerNumber: linkEvents.customerNumber,
        exactId: linkEvents.exactId,
        details: linkEvents.details,
      })
      .from(linkEvents)
      .where(eq(linkEvents.tenantId, tenantId)),
    events: (await db.select().from(events).where(eq(events.tenantId, tenantId))).map((event) => ({
      id: event.id,
      type: event.type,
      division: event.division,
      data: event.data,
    })),
    received: stack.receiver.received.map(({ event }) => ({
      id: event.id,
      type: event.type,
      division: event.division,
      data: event.data,
    })),
    deliveriesNotDelivered: deliveries.filter((delivery) => delivery.state !== "delivered").length,
    calls: sim.calls.entries().map((call) => ({
      endpoint: call.endpoint,
      status: call.status,
      ...(call.fault ? { fault: call.fault } : {}),
      ...(call.grantType ? { grantType: call.grantType } : {}),
    })),
    unexpectedClientErrors: sim.calls
      .unexpectedClientErrors()
      .map((call) => ({ method: call.method, endpoint: call.endpoint, status: call.status })),
    connectionStatus: connections[0]?.status ?? "missing",
    exactReachableAfter,
  };
}

/** The tokens still work: each division's mirror is brought up to date through a replica, with Exact's answers. */
async function syncEveryDivision(stack: Stack): Promise<boolean> {
  for (const [index, division] of DIVISIONS.entries()) {
    const answer = await fetch(
      `${stack.urls[index % stack.urls.length]}/v1/divisions/${division}/sync?wait=true`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${stack.tenant.tokens.integration}` },
      },
    );
    if (answer.status !== 200) {
      process.stderr.write(
        `[resilience] sync of ${division} after the run: HTTP ${answer.status} ${await answer.text()}\n`,
      );
      return false;
    }
  }
  return true;
}
