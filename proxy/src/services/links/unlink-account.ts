import { normaliseAccountId } from "@zapfloor-exact/shared/matching";
import type { AccountDetail } from "@zapfloor-exact/shared/schemas/accounts";
import { appendLinkEvent, deleteLink, linkOfAccount } from "../../db/link-store";
import { refused } from "../../errors";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { recordLinkEvent } from "../events/link-events";
import { accountDetail } from "../overview/account-detail";

/** A bookkeeper removes an account's link; the audit trail keeps what it was. Answers the account as it now stands. */
export async function unlinkAccount(
  ctx: ExactServiceContext,
  input: { tenantId: string; division: number; exactId: string; actor: string },
): Promise<AccountDetail> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  await ctx.db.transaction(async (tx) => {
    const link = await linkOfAccount(tx, scope, exactId);
    if (!link)
      throw refused(
        "not_found",
        { reason: "account_not_linked", params: { account: exactId } },
        `Exact account ${exactId} is not linked.`,
      );
    const at = ctx.clock.now();
    await deleteLink(tx, scope, link.id);
    await appendLinkEvent(tx, scope, {
      action: "unlink",
      customerNumber: link.customerNumber,
      exactId,
      method: "manual",
      actor: input.actor,
      at,
      details: { linkedBy: link.linkedBy, linkedAt: link.linkedAt, method: link.method },
    });
    await recordLinkEvent(tx, "link.removed", link, at);
  });
  return accountDetail(ctx, input);
}
