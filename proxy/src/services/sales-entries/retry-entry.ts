import type { SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import { notFound, refused, type Said } from "../../errors";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { entryView } from "./entry-view";
import { openCause } from "./open-cause";
import { type EntryKey, readEntry, requeue } from "./outbox-store";

/**
 * Queues a failed or parked entry again, due now with a fresh attempt count, once its cause is fixed (a mapping,
 * a link, a blocked account). A queued entry is made due now. Pushing and pushed entries are left alone: `409`.
 * While the cause is still there (the settings do not book it, its customer still needs a person) the retry is
 * refused with that cause: it would only fail again.
 */
export async function retryEntry(ctx: ExactServiceContext, key: EntryKey): Promise<SalesEntryView> {
  const division = await requireDivision(ctx, key.tenantId, key.division);
  const before = await readEntry(ctx.db, key);
  if (before && (before.state === "failed" || before.state === "needs_review")) {
    const cause = await openCause(ctx, division, before);
    if (cause) {
      const said: Said =
        cause.reason === "booking_settings"
          ? { reason: "invoice_not_bookable", params: { invoice: key.invoiceNumber } }
          : { reason: "customer_needs_review", params: { customer: cause.customerNumber } };
      throw refused(
        "conflict",
        said,
        `Invoice ${key.invoiceNumber} would not get through yet: ${cause.message}`,
        {
          reason: cause.reason,
          ...(cause.reason === "booking_settings"
            ? { problems: cause.problems }
            : { customerNumber: cause.customerNumber, outcome: cause.outcome }),
        },
      );
    }
  }
  const row = await requeue(ctx.db, key, ["failed", "needs_review", "queued"], ctx.clock.now());
  if (row) return entryView(row, true);
  const existing = await readEntry(ctx.db, key);
  if (!existing)
    throw notFound(`Invoice ${key.invoiceNumber}`, {
      reason: "invoice_not_found",
      params: { invoice: key.invoiceNumber },
    });
  const pushed = existing.state === "pushed";
  throw refused(
    "conflict",
    pushed
      ? {
          reason: "invoice_already_booked",
          params: { invoice: key.invoiceNumber, entry: String(existing.exactEntryNumber ?? "?") },
        }
      : { reason: "invoice_being_pushed", params: { invoice: key.invoiceNumber } },
    pushed
      ? `Invoice ${key.invoiceNumber} is already booked in Exact (entry ${existing.exactEntryNumber ?? "?"}).`
      : `Invoice ${key.invoiceNumber} is being pushed right now.`,
    { state: existing.state },
  );
}
