import { normaliseAccountId } from "@zapfloor-exact/shared/matching";
import { listLinkEventRows } from "../../db/link-store";
import { cursorSchemas, decodeCursor, encodeCursor } from "../../util/cursor";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";

/** The audit trail of links, unlinks, creations and promotions, newest first. */
export async function listLinkEvents(
  ctx: ServiceContext,
  input: {
    tenantId: string;
    division: number;
    customerNumber?: string;
    exactId?: string;
    limit: number;
    cursor?: string;
  },
) {
  await requireDivision(ctx, input.tenantId, input.division);
  const below = decodeCursor(input.cursor, cursorSchemas.below);
  const rows = await listLinkEventRows(
    ctx.db,
    { tenantId: input.tenantId, division: input.division },
    {
      ...(below ? { beforeId: below.b } : {}),
      ...(input.customerNumber ? { customerNumber: input.customerNumber } : {}),
      ...(input.exactId ? { exactId: normaliseAccountId(input.exactId) } : {}),
      limit: input.limit + 1,
    },
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    events: page.map((row) => ({
      id: row.id,
      action: row.action,
      customerNumber: row.customerNumber,
      exactId: row.exactId,
      method: row.method,
      actor: row.actor,
      at: new Date(row.at).toISOString(),
      details: row.details ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ b: last.id }) : null,
  };
}
