import {
  decideForIndexedCustomer,
  indexCustomer,
  resolveMatchOptions,
} from "@zapfloor-exact/shared/matching";
import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { probeDivision } from "../../db/division-probe";
import { AppError } from "../../errors";
import type { ServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { divisionNotConnected } from "../divisions/require-division";
import { divisionView } from "../overview/division-view";
import { decisionOptions } from "./decide-for-customer";
import { explainDuplicates } from "./explain-duplicates";
import { matchView } from "./match-view";
import { mirrorStateOf } from "./mirror-freshness";

/**
 * Match-or-create as a dry run (`create: false`): what `matchCustomer` would decide, from the division's
 * in-memory view after one read that shows it current. Nothing is written and no identifier is trusted for a
 * write: `matchCustomer` reads them afresh before it links or creates anything.
 */
export async function previewMatch(
  ctx: ServiceContext,
  input: { tenantId: string; division: number; customerNumber: string },
): Promise<MatchResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  const probe = await probeDivision(ctx.db, scope);
  if (!probe.accessible) throw divisionNotConnected(input.division);
  const view = await divisionView(ctx, scope, probe);
  const row = view.customers.rows.get(input.customerNumber);
  if (!row) {
    throw new AppError(
      "not_found",
      `zapfloor customer ${input.customerNumber} is not known; send it with PUT /v1/customers/${input.customerNumber} first.`,
    );
  }
  const customer = indexCustomer(zapfloorCustomerOf(row));
  const options = decisionOptions(mirrorStateOf(probe.sync, ctx.clock.now()), probe.similarNameMatch);
  const decision = decideForIndexedCustomer(customer, view.accounts.index, view.links.lookup, options);
  const result = matchView({
    decision,
    accounts: new Map(),
    link: view.links.byCustomer.get(customer.number),
    performed: "none",
  });
  return explainDuplicates(ctx, scope, result, view.accounts.index);
}
