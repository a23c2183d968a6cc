import type { SalesEntryStateName } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { countByState } from "./outbox-store";

/** How many of a division's entries are in each state. */
export async function pushSummary(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
): Promise<Record<SalesEntryStateName, number>> {
  await requireDivision(ctx, scope.tenantId, scope.division);
  return countByState(ctx.db, scope);
}
