import { normaliseAccountId } from "@zapfloor-exact/shared/matching";
import type { LinkResult } from "@zapfloor-exact/shared/schemas/accounts";
import { readCustomer } from "../../db/customer-store";
import { mirrorRow } from "../../db/mirror-reads";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { accountDetail } from "../overview/account-detail";
import { assertAccountUnchanged } from "./account-version";
import { planSearchCode, searchCodeResultOf } from "./link-account";
import { promoteAndLinkAccount } from "./promote-and-link";
import { accountNotInMirror, customerUnknown } from "./refusals";

/**
 * "Promote to customer and link", as `review` offers it: a bookkeeper's request, so an empty SearchCode gets
 * the zapfloor number in the same PUT, as a hand link's does. Answers the account as it now stands, and what was
 * done to its SearchCode.
 */
export async function promoteAccount(
  ctx: ExactServiceContext,
  input: {
    tenantId: string;
    division: number;
    exactId: string;
    customerNumber: string;
    actor: string;
    accountModified?: string | null | undefined;
  },
): Promise<LinkResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  const account = await mirrorRow(ctx.db, scope, exactId);
  if (!account) throw accountNotInMirror(exactId, input.division);
  const customer = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!customer) throw customerUnknown(input.customerNumber);
  assertAccountUnchanged(account, input.accountModified);
  const searchCode = await planSearchCode(ctx, scope, account, customer.number);
  await promoteAndLinkAccount(ctx, scope, account, customer, input.actor, searchCode);
  return {
    ...(await accountDetail(ctx, input)),
    searchCodeResult: searchCodeResultOf(searchCode, account, customer.number),
  };
}
