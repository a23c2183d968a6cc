import type { Tx } from "../../db/client";
import { entryView } from "../sales-entries/entry-view";
import type { SalesEntryRow } from "../sales-entries/outbox-store";
import { recordEvent } from "./record-event";
import { resourceKeys } from "./resource-keys";

const settledTypes = {
  pushed: "invoice.pushed",
  failed: "invoice.failed",
  needs_review: "invoice.needs_review",
} as const;

/** An attempt ended in a state zapfloor should hear about (pushed, failed, needs review); retries are not news. */
export async function recordAttemptEvent(tx: Tx, row: SalesEntryRow, at: number): Promise<void> {
  if (row.state !== "pushed" && row.state !== "failed" && row.state !== "needs_review") return;
  await recordInvoiceEvent(tx, settledTypes[row.state], row, at);
}

/** Paid in full, or open again after having been paid. */
export async function recordPaidChange(
  tx: Tx,
  before: SalesEntryRow,
  after: SalesEntryRow,
  at: number,
): Promise<void> {
  if (before.paidAt === null && after.paidAt !== null)
    await recordInvoiceEvent(tx, "invoice.paid", after, at);
  if (before.paidAt !== null && after.paidAt === null)
    await recordInvoiceEvent(tx, "invoice.reopened", after, at);
}

async function recordInvoiceEvent(
  tx: Tx,
  type: "invoice.pushed" | "invoice.failed" | "invoice.needs_review" | "invoice.paid" | "invoice.reopened",
  row: SalesEntryRow,
  at: number,
) {
  await recordEvent(tx, {
    tenantId: row.tenantId,
    division: row.division,
    type,
    resourceKey: resourceKeys.invoice(row.division, row.invoiceNumber),
    at,
    data: entryView(row),
  });
}
