import type { AccountInvoices } from "@zapfloor-exact/shared/schemas/attention";
import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import { and, desc, eq } from "drizzle-orm";
import { linkOfAccount } from "../../db/link-store";
import { salesEntries } from "../../db/schema";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { listEntries } from "../sales-entries/outbox-store";
import { pushItemsOf } from "./division-attention";

/** The latest invoices an account's panel shows. */
const LATEST = 10;

/**
 * What the account panel shows besides the link: the open problems that concern the account (failed or waiting
 * pushes of its linked customer, or that name it as a candidate) and the linked customer's latest invoices with
 * their push and paid state. From the database alone.
 */
export async function accountInvoices(
  ctx: ServiceContext,
  input: { tenantId: string; division: number; exactId: string },
): Promise<AccountInvoices> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = input.exactId.replace(/[{}]/g, "").toLowerCase();
  const link = await linkOfAccount(ctx.db, scope, exactId);
  const customerNumber = link?.customerNumber;

  const open = [
    ...(await listEntries(ctx.db, scope, { state: "needs_review", limit: 500 })),
    ...(await listEntries(ctx.db, scope, { state: "failed", limit: 500 })),
  ];
  const problems = (await pushItemsOf(ctx, scope, open)).filter(
    (item) =>
      item.customerNumber === customerNumber || item.accounts.some((account) => account.id === exactId),
  );

  const rows = customerNumber
    ? await ctx.db
        .select()
        .from(salesEntries)
        .where(
          and(
            eq(salesEntries.tenantId, scope.tenantId),
            eq(salesEntries.division, scope.division),
            eq(salesEntries.customerNumber, customerNumber),
          ),
        )
        .orderBy(desc(salesEntries.createdAt))
        .limit(LATEST)
    : [];
  return {
    problems,
    invoices: rows.map((row) => {
      const invoice = row.body as unknown as Invoice;
      return {
        invoiceNumber: row.invoiceNumber,
        type: row.type,
        date: invoice.date,
        totalInclVat: invoice.totalInclVat,
        currency: invoice.currency,
        state: row.state,
        paid: row.paidAt ? "paid" : row.outstanding !== null ? "open" : "unknown",
        exactEntryNumber: row.exactEntryNumber,
      };
    }),
  };
}
