import { and, eq, inArray, ne } from "drizzle-orm";
import { salesEntries, webhookDeliveries } from "../src/db/schema";
import type { Stack } from "./stack";
import type { TrafficRecord } from "./traffic";

const SETTLE_MS = 120_000;
const unsettled = ["queued", "pushing"] as const;

/**
 * Waits, faults off, until no submitted invoice is waiting to be pushed and every webhook delivery is done: what
 * the replicas were in the middle of when the traffic stopped (or when one was killed) is finished by now.
 */
export async function untilSettled(stack: Stack, record: TrafficRecord): Promise<void> {
  const { db } = stack.database;
  const tenantId = stack.tenant.tenantId;
  const giveUpAt = Date.now() + SETTLE_MS;
  let nextReport = Date.now() + 10_000;
  for (;;) {
    const waiting = await db
      .select({ n: salesEntries.invoiceNumber })
      .from(salesEntries)
      .where(and(eq(salesEntries.tenantId, tenantId), inArray(salesEntries.state, [...unsettled])));
    const undelivered = await db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.tenantId, tenantId), ne(webhookDeliveries.state, "delivered")));
    if (waiting.length === 0 && undelivered.length === 0) return;
    if (Date.now() >= nextReport) {
      nextReport += 10_000;
      const rows = await db
        .select()
        .from(salesEntries)
        .where(and(eq(salesEntries.tenantId, tenantId), inArray(salesEntries.state, [...unsettled])));
      const now = Date.now();
      process.stderr.write(
        `[resilience] waiting for ${rows.length} invoices (${rows
          .slice(0, 4)
          .map(
            (row) =>
              `${row.invoiceNumber} ${row.state} after ${row.attempts} attempts, next in ${Math.round((row.nextAttemptAt - now) / 1000)} s${row.leaseUntil ? `, leased ${Math.round((row.leaseUntil - now) / 1000)} s` : ""}: ${row.lastError ?? ""}`,
          )
          .join("; ")}) and ${undelivered.length} deliveries\n`,
      );
    }
    if (Date.now() > giveUpAt) {
      process.stderr.write(
        `[resilience] not settled after ${SETTLE_MS / 1000} s: ${waiting.length} of ${record.submittedInvoices.length} invoices waiting, ${undelivered.length} deliveries\n`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
