import type { ReferenceDataView } from "@zapfloor-exact/shared/schemas/reference-data";
import { type ReferenceKind, referenceKinds } from "../../db/schema";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { fetchReferenceData, missingKinds, readReferenceData } from "./reference-data";
import { referenceDataView } from "./reference-data-view";

export interface GetReferenceDataInput {
  tenantId: string;
  division: number;
  /** Read all three lists from Exact again, even when cached. */
  refresh?: boolean;
}

/**
 * What the booking settings can choose from: the division's sales journals, revenue GL accounts and
 * usable sales VAT codes. Served from the cache; a list never read is read from Exact first. Reading costs one
 * call for the journals, one for the VAT codes and one per 60 GL accounts.
 */
export async function getReferenceData(
  ctx: ExactServiceContext,
  input: GetReferenceDataInput,
): Promise<ReferenceDataView> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  let data = await readReferenceData(ctx.db, scope);
  const kinds: ReferenceKind[] = input.refresh ? [...referenceKinds] : missingKinds(data);
  if (kinds.length) {
    await fetchReferenceData(
      ctx.db,
      ctx.exact.client.division(input.tenantId, input.division),
      kinds,
      ctx.clock.now(),
    );
    data = await readReferenceData(ctx.db, scope);
  }
  return referenceDataView(input.division, data);
}
