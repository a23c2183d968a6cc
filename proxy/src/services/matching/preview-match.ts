import { AccountIndex, decideForIndexedCustomer } from "@zapfloor-exact/shared/matching";
import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { readCustomer } from "../../db/customer-store";
import { probeDivision } from "../../db/division-probe";
import type { ServiceContext } from "../context";
import { divisionNotConnected } from "../divisions/require-division";
import { customerUnknown } from "../links/refusals";
import { divisionViewIfBuilt } from "../overview/division-view";
import { decideForCustomer, decisionOptions } from "./decide-for-customer";
import { explainDuplicates } from "./explain-duplicates";
import { matchView } from "./match-view";
import { mirrorStateOf } from "./mirror-freshness";

type Input = { tenantId: string; division: number; customerNumber: string };

/**
 * Match-or-create as a dry run (`create: false`): what `matchCustomer` would decide, from the division's
 * in-memory view after one read that shows it current. Nothing is written and no identifier is trusted for a
 * write: `matchCustomer` reads them afresh before it links or creates anything. While the view is still being
 * built (after a start), the decision comes from the database instead (`previewFromDatabase`).
 */
export async function previewMatch(ctx: ServiceContext, input: Input): Promise<MatchResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  const probe = await probeDivision(ctx.db, scope);
  if (!probe.accessible) throw divisionNotConnected(input.division);
  const view = await divisionViewIfBuilt(ctx, scope, probe);
  if (!view) return previewFromDatabase(ctx, input);
  // The index holds each customer with its matching keys worked out when it was stored.
  const customer = view.customers.index.get(input.customerNumber);
  if (!customer) throw notSent(input.customerNumber);
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

/**
 * The dry run from indexed queries (`decideForCustomer`), not waiting for the division's indexes: name
 * look-alikes are looked for only once the name index is built, so until then a decision that hinges on a
 * similar name alone (a `create` that a look-alike would hold back) can differ from the one given later.
 * `matchCustomer` with `create: true` always waits for the names before it creates anything.
 */
async function previewFromDatabase(ctx: ServiceContext, input: Input): Promise<MatchResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  const row = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!row) throw notSent(input.customerNumber);
  const decided = await decideForCustomer(ctx, scope, row, "ifIndexBuilt");
  const seen = new AccountIndex(
    [...decided.accounts.values()].filter((account) => account.deletedAt === null),
  );
  return explainDuplicates(ctx, scope, matchView({ ...decided, performed: "none" }), seen);
}

const notSent = (number: string) =>
  customerUnknown(number, `; send it with PUT /v1/customers/${number} first`);
