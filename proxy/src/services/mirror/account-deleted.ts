import { markAccountsDeleted } from "../../db/mirror-store";
import type { ServiceContext } from "../context";
import { writeMirrorWatchingLinks } from "../events/stale-links";

/**
 * A signed `Delete` webhook for an account: applied to the mirror without asking Exact, where a read of the
 * deleted account would only spend a call (and, by key, a 404 toward Exact's error block [§6, S12a]). The next
 * incremental sync reads `sync/Deleted`, which confirms it.
 */
export async function accountDeletedInExact(
  ctx: ServiceContext,
  input: { tenantId: string; division: number; accountId: string },
): Promise<void> {
  const scope = { tenantId: input.tenantId, division: input.division };
  const at = ctx.clock.now();
  await writeMirrorWatchingLinks(ctx.db, scope, [input.accountId], at, (tx) =>
    markAccountsDeleted(tx, scope, [input.accountId], at),
  );
}
