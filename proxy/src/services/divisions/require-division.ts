import { and, eq } from "drizzle-orm";
import { divisions } from "../../db/schema";
import { AppError } from "../../errors";
import type { ServiceContext } from "../context";

export type DivisionRow = typeof divisions.$inferSelect;

/** The division, if this tenant's consent covers it; otherwise 404, whoever else may have it. */
export async function requireDivision(
  ctx: ServiceContext,
  tenantId: string,
  division: number,
): Promise<DivisionRow> {
  const [row] = await ctx.db
    .select()
    .from(divisions)
    .where(
      and(eq(divisions.tenantId, tenantId), eq(divisions.division, division), eq(divisions.accessible, true)),
    );
  if (!row) throw divisionNotConnected(division);
  return row;
}

export function divisionNotConnected(division: number): AppError {
  return new AppError(
    "not_found",
    `Division ${division} is not connected for this tenant.`,
    { reason: "division_not_connected" },
    { said: { reason: "division_not_connected", params: { division: String(division) } } },
  );
}
