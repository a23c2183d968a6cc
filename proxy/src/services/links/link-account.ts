import { normaliseAccountId } from "@zapfloor-exact/shared/matching";
import { readCustomer } from "../../db/customer-store";
import { mirrorRow } from "../../db/mirror-reads";
import { AppError } from "../../errors";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { writeLink } from "./write-link";

export interface LinkInput {
  tenantId: string;
  division: number;
  exactId: string;
  customerNumber: string;
  actor: string;
}

/**
 * A bookkeeper links an Exact customer account to a zapfloor customer. Only customers (Status C) that are
 * not blocked can be linked; either side already linked elsewhere is a 409 that says to what.
 */
export async function linkAccount(ctx: ServiceContext, input: LinkInput): Promise<void> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  await ctx.db.transaction(async (tx) => {
    const account = await mirrorRow(tx, scope, exactId);
    if (!account)
      throw new AppError(
        "not_found",
        `Exact account ${exactId} is not in the mirror of division ${input.division}.`,
      );
    const customer = await readCustomer(tx, input.tenantId, input.customerNumber);
    if (!customer) throw new AppError("not_found", `zapfloor customer ${input.customerNumber} is not known.`);
    if (account.deletedAt !== null) {
      throw new AppError(
        "conflict",
        `Exact account "${account.name}" was deleted in Exact Online; it cannot be linked.`,
      );
    }
    if (account.status !== "C") {
      throw new AppError(
        "conflict",
        `Exact account "${account.name}" is not a customer (status ${account.status ?? "none"}); only customers can be linked. Promote it to customer and link it instead.`,
        { action: "promote_and_link" },
      );
    }
    if (account.blocked) {
      throw new AppError("conflict", `Exact account "${account.name}" is blocked; it cannot be linked.`);
    }
    await writeLink(tx, scope, {
      customerNumber: customer.number,
      exactId,
      method: "manual",
      action: "link",
      actor: input.actor,
      at: ctx.clock.now(),
    });
  });
}
