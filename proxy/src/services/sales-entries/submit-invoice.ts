import type { Invoice, SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import { salesEntries } from "../../db/schema";
import { AppError, validationError } from "../../errors";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { loadBookingContext } from "./booking-context";
import { canonicalInvoice, invoiceHash } from "./canonical-invoice";
import { entryView } from "./entry-view";
import { readEntry } from "./outbox-store";
import { resolveInvoice } from "./resolve-invoice";

export interface SubmitInvoiceInput {
  tenantId: string;
  division: number;
  invoiceNumber: string;
  invoice: Invoice;
}

export interface SubmittedInvoice {
  entry: SalesEntryView;
  /** False when the same invoice was already there. */
  accepted: boolean;
}

/** An entry may take a new body until a worker starts pushing it; after that only the same body is welcome. */
const REPLACEABLE = new Set(["queued", "failed", "needs_review"]);

/**
 * Accepts a zapfloor invoice or credit note into the outbox. Everything is checked first without spending an Exact
 * call — the mappings, the VAT, the total — and the entry is stored in the same transaction that decides it is
 * new. Idempotent by invoice number: the same invoice again returns the stored entry.
 */
export async function submitInvoice(
  ctx: ServiceContext,
  input: SubmitInvoiceInput,
): Promise<SubmittedInvoice> {
  const division = await requireDivision(ctx, input.tenantId, input.division);
  const invoice = canonicalInvoice(input.invoice);
  const resolution = resolveInvoice(invoice, await loadBookingContext(ctx.db, division));
  if (!resolution.ok) {
    throw validationError(resolution.problems, "The invoice cannot be booked in this division as it is.");
  }

  const key = { tenantId: input.tenantId, division: input.division, invoiceNumber: input.invoiceNumber };
  const bodyHash = invoiceHash(invoice);
  const now = ctx.clock.now();
  const fields = {
    bodyHash,
    body: invoice as unknown as Record<string, unknown>,
    customerNumber: invoice.customer.number,
    type: invoice.type,
    state: "queued" as const,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    lastErrorDetails: null,
    updatedAt: now,
  };

  return ctx.db.transaction(async (tx) => {
    const existing = await readEntry(tx, key);
    if (existing?.bodyHash === bodyHash) return { entry: entryView(existing, true), accepted: false };
    if (existing && !REPLACEABLE.has(existing.state)) {
      throw new AppError(
        "conflict",
        existing.state === "pushed"
          ? `Invoice ${input.invoiceNumber} is already booked in Exact with different content; send a credit note to correct it.`
          : `Invoice ${input.invoiceNumber} is being booked in Exact right now with different content.`,
        { state: existing.state, exactEntryNumber: existing.exactEntryNumber },
      );
    }
    const [row] = await tx
      .insert(salesEntries)
      .values({ ...key, ...fields, createdAt: now })
      .onConflictDoUpdate({
        target: [salesEntries.tenantId, salesEntries.division, salesEntries.invoiceNumber],
        set: fields,
      })
      .returning();
    return { entry: entryView(row!, true), accepted: true };
  });
}
