import { normaliseName } from "@zapfloor-exact/shared/matching";
import { searchCustomerRows } from "../../db/customer-store";
import { linksTouching } from "../../db/link-store";
import { cursorSchemas, decodeCursor, encodeCursor } from "../../util/cursor";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { linkView } from "../links/link-view";
import { customerView } from "./customer-row";

export interface CustomerSearchInput {
  tenantId: string;
  q?: string;
  /** Also give each customer's link in this division. */
  division?: number;
  limit: number;
  cursor?: string;
}

/** The extension's customer picker: number, name or VAT number containing the text; by name, then number. */
export async function searchCustomers(ctx: ServiceContext, input: CustomerSearchInput) {
  if (input.division !== undefined) await requireDivision(ctx, input.tenantId, input.division);
  const after = decodeCursor(input.cursor, cursorSchemas.keyed);
  const text = input.q?.trim().toUpperCase() || undefined;
  const nameText = input.q ? normaliseName(input.q) || undefined : undefined;
  const rows = await searchCustomerRows(ctx.db, {
    tenantId: input.tenantId,
    ...(text ? { text } : {}),
    ...(nameText ? { nameText } : {}),
    ...(after ? { after: { nameKey: after.k, number: after.i } } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const links =
    input.division === undefined
      ? undefined
      : await linksTouching(
          ctx.db,
          { tenantId: input.tenantId, division: input.division },
          { customerNumbers: page.map((row) => row.number), exactIds: [] },
        );
  const linkOf = new Map(links?.map((link) => [link.customerNumber, link]));
  return {
    customers: page.map((row) => {
      const view = customerView(row);
      if (!links) return view;
      const link = linkOf.get(row.number);
      return { ...view, link: link ? linkView(link) : null };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ k: last.nameKey, i: last.number }) : null,
  };
}
