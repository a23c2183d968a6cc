import type { Invoice, SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import { and, inArray, ne } from "drizzle-orm";
import { salesEntries } from "../../db/schema";
import { refused, validationError } from "../../errors";
import type { ExactServiceContext } from "../context";
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
const REPLACEABLE = ["queued", "failed", "needs_review"] as const;

/**
 * Accepts a zapfloor invoice or credit note into the outbox. Everything is checked first without spending an Exact
 * call — the mappings, the VAT, the total — and then one statement decides and stores: a new invoice is inserted,
 * a changed one replaces a queued, failed or parked entry, anything else is left as it is. Idempotent by invoice
 * number: the same invoice again returns the stored entry.
 */
export async function submitInvoice(
  ctx: ExactServiceContext,
  input: SubmitInvoiceInput,
): Promise<SubmittedInvoice> {
  const division = await requireDivision(ctx, input.tenantId, input.division);
  const invoice = canonicalInvoice(input.invoice);
  const booking = await loadBookingContext(ctx.db, division, ctx.exact.app.fieldLimits);
  const resolution = resolveInvoice(invoice, booking, input.invoiceNumber);
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
  // One statement rather than read-then-write in a transaction: the embedded database's driver is synchronous,
  // and a transaction held open across an await stalls every other writer in the process.
  const [stored] = await ctx.db
    .insert(salesEntries)
    .values({ ...key, ...fields, createdAt: now })
    .onConflictDoUpdate({
      target: [salesEntries.tenantId, salesEntries.division, salesEntries.invoiceNumber],
      set: fields,
      setWhere: and(ne(salesEntries.bodyHash, bodyHash), inArray(salesEntries.state, [...REPLACEABLE])),
    })
    .returning();
  if (stored) return { entry: entryView(stored, true), accepted: true };

  const existing = await readEntry(ctx.db, key);
  if (!existing) throw new Error(`Invoice ${input.invoiceNumber} vanished while it was submitted.`);
  if (existing.bodyHash === bodyHash) return { entry: entryView(existing, true), accepted: false };
  const pushed = existing.state === "pushed";
  throw refused(
    "conflict",
    {
      reason: pushed ? "invoice_booked_differently" : "invoice_pushing_differently",
      params: { invoice: input.invoiceNumber },
    },
    pushed
      ? `Invoice ${input.invoiceNumber} is already booked in Exact with different content; send a credit note to correct it.`
      : `Invoice ${input.invoiceNumber} is being booked in Exact right now with different content.`,
    { state: existing.state, exactEntryNumber: existing.exactEntryNumber },
  );
}
