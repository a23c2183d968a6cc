import type { SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import { AppError, notFound } from "../../errors";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { entryView } from "./entry-view";
import { type EntryKey, readEntry, requeue } from "./outbox-store";

/**
 * Queues a failed or parked entry again, due now with a fresh attempt count, once its cause is fixed (a mapping,
 * a link, a blocked account). A queued entry is made due now. Pushing and pushed entries are left alone: `409`.
 */
export async function retryEntry(ctx: ServiceContext, key: EntryKey): Promise<SalesEntryView> {
  await requireDivision(ctx, key.tenantId, key.division);
  const row = await requeue(ctx.db, key, ["failed", "needs_review", "queued"], ctx.clock.now());
  if (row) return entryView(row, true);
  const existing = await readEntry(ctx.db, key);
  if (!existing) throw notFound(`Invoice ${key.invoiceNumber}`);
  throw new AppError(
    "conflict",
    existing.state === "pushed"
      ? `Invoice ${key.invoiceNumber} is already booked in Exact (entry ${existing.exactEntryNumber ?? "?"}).`
      : `Invoice ${key.invoiceNumber} is being pushed right now.`,
    { state: existing.state },
  );
}
