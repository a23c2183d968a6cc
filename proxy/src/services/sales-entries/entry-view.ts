import type { Invoice, SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { SalesEntryRow } from "./outbox-store";

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/** An outbox row as the API shows it; `withInvoice` adds the submitted invoice. */
export function entryView(row: SalesEntryRow, withInvoice = false): SalesEntryView {
  const invoice = row.body as unknown as Invoice;
  const details = row.lastErrorDetails ?? undefined;
  const exactMessage = typeof details?.exactMessage === "string" ? details.exactMessage : null;
  return {
    division: row.division,
    invoiceNumber: row.invoiceNumber,
    type: row.type,
    customerNumber: row.customerNumber,
    totalInclVat: invoice.totalInclVat,
    currency: invoice.currency,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === "queued" ? iso(row.nextAttemptAt) : null,
    lastError: row.lastError
      ? { message: row.lastError, exactMessage, ...(details ? { details } : {}) }
      : null,
    exact: {
      accountId: row.exactAccountId,
      entryId: row.exactEntryId,
      entryNumber: row.exactEntryNumber,
      pushedAt: iso(row.pushedAt),
    },
    paid: {
      status: row.paidAt ? "paid" : row.outstanding !== null ? "open" : "unknown",
      outstanding: row.outstanding,
      paidAt: iso(row.paidAt),
      checkedAt: iso(row.paidCheckedAt),
    },
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    ...(withInvoice ? { invoice } : {}),
  };
}
