import { normaliseAccountId } from "@zapfloor-exact/shared/matching";
import { readCustomer } from "../../db/customer-store";
import { mirrorRow } from "../../db/mirror-reads";
import { AppError } from "../../errors";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { assertAccountUnchanged } from "./account-version";
import { promoteAndLinkAccount } from "./promote-and-link";

/** "Promote to customer and link", as `review` offers it: a bookkeeper's request. */
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
): Promise<void> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  const account = await mirrorRow(ctx.db, scope, exactId);
  if (!account)
    throw new AppError(
      "not_found",
      `Exact account ${exactId} is not in the mirror of division ${input.division}.`,
    );
  const customer = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!customer) throw new AppError("not_found", `zapfloor customer ${input.customerNumber} is not known.`);
  assertAccountUnchanged(account, input.accountModified);
  await promoteAndLinkAccount(ctx, scope, account, customer, input.actor);
}
