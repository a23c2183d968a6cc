import type { SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import { notFound } from "../../errors";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { entryView } from "./entry-view";
import { type EntryKey, readEntry } from "./outbox-store";

export async function getEntry(ctx: ServiceContext, key: EntryKey): Promise<SalesEntryView> {
  await requireDivision(ctx, key.tenantId, key.division);
  const row = await readEntry(ctx.db, key);
  if (!row)
    throw notFound(`Invoice ${key.invoiceNumber}`, {
      reason: "invoice_not_found",
      params: { invoice: key.invoiceNumber },
    });
  return entryView(row, true);
}
