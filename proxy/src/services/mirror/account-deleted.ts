import { markAccountsDeleted } from "../../db/mirror-store";
import type { ServiceContext } from "../context";

/**
 * A signed `Delete` webhook for an account: applied to the mirror without asking Exact, where a read of the
 * deleted account would only spend a call (and, by key, a 404 toward Exact's error block [§6, S12a]). The next
 * incremental sync reads `sync/Deleted`, which confirms it.
 */
export async function accountDeletedInExact(
  ctx: ServiceContext,
  input: { tenantId: string; division: number; accountId: string },
): Promise<void> {
  await markAccountsDeleted(
    ctx.db,
    { tenantId: input.tenantId, division: input.division },
    [input.accountId],
    ctx.clock.now(),
  );
}
