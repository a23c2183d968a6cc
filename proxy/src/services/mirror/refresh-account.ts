import { markAccountsDeleted, upsertAccounts } from "../../db/mirror-store";
import { getAccount } from "../../exact/resources/accounts";
import type { ExactServiceContext } from "../context";
import { writeMirrorWatchingLinks } from "../events/stale-links";
import { accountRow } from "./account-row";

/** Re-reads one account (after a webhook, or a link made on a stale mirror): one Exact call. */
export async function refreshAccount(
  ctx: ExactServiceContext,
  input: { tenantId: string; division: number; accountId: string },
): Promise<"updated" | "deleted"> {
  const scope = { tenantId: input.tenantId, division: input.division };
  const account = await getAccount(
    ctx.exact.client.division(input.tenantId, input.division),
    input.accountId,
  );
  const now = ctx.clock.now();
  const row = account ? accountRow(scope, account, now) : undefined;
  await writeMirrorWatchingLinks(ctx.db, scope, [row?.id ?? input.accountId], now, async (tx) => {
    if (row) await upsertAccounts(tx, [row]);
    else await markAccountsDeleted(tx, scope, [input.accountId], now);
  });
  return row ? "updated" : "deleted";
}
