import { normaliseAccountId, searchCodeOnLink, vatFixFor } from "@zapfloor-exact/shared/matching";
import type { AccountDetail } from "@zapfloor-exact/shared/schemas/accounts";
import { probeDivision } from "../../db/division-probe";
import { mirrorRow } from "../../db/mirror-reads";
import type { ExactServiceContext } from "../context";
import { customerView, zapfloorCustomerOf } from "../customers/customer-row";
import { divisionNotConnected } from "../divisions/require-division";
import { mirrorNotLoaded } from "../divisions/require-loaded-mirror";
import { linkView } from "../links/link-view";
import { accountNotInMirror } from "../links/refusals";
import { mirrorStateOf } from "../matching/mirror-freshness";
import { type MirroredAccount, mirroredAccountOf } from "../matching/mirrored-account";
import { SEARCH_CODE_MAX_LENGTH } from "../matching/new-customer";
import { type DivisionView, divisionViewIfBuilt } from "./division-view";
import { divisionViewAround } from "./division-view-around";
import { lookalikesOf } from "./lookalikes";
import { candidateReasons, overviewRow } from "./overview-row";

/** One account for the panel on Exact's account page: mirror data, link (who, how, when), candidates with reasons. */
export async function accountDetail(
  ctx: ExactServiceContext,
  input: { tenantId: string; division: number; exactId: string },
): Promise<AccountDetail> {
  const scope = { tenantId: input.tenantId, division: input.division };
  // One read: the division's access and the versions of what the view holds; the rest comes from memory.
  const probe = await probeDivision(ctx.db, scope);
  if (!probe.accessible) throw divisionNotConnected(input.division);
  if (mirrorStateOf(probe.sync, ctx.clock.now()).freshness === "never_loaded")
    throw mirrorNotLoaded(scope.division);
  const exactId = normaliseAccountId(input.exactId);
  const built = await divisionViewIfBuilt(ctx, scope, probe);
  // The index holds live accounts as last read; a deleted one (a stale link's) is read from the mirror.
  const indexed = built?.accounts.index.get(exactId)?.account as MirroredAccount | undefined;
  const row = indexed ? undefined : await mirrorRow(ctx.db, scope, exactId);
  if (!indexed && !row) {
    throw accountNotInMirror(exactId, input.division, "; if it is new, the next sync brings it");
  }
  const account = indexed ?? mirroredAccountOf(row!);
  const view = built ?? (await divisionViewAround(ctx, scope, row!));
  const { rows } = view.customers;
  const link = view.links.byAccount.get(exactId);
  const linkedCustomer = link ? rows.get(link.customerNumber) : undefined;
  const suggestion = view.suggestionFor(account);
  const overview = overviewRow({
    account,
    link,
    linkedCustomer,
    suggestion,
    customerNamed: (number) => rows.get(number),
  });
  const detail: AccountDetail = {
    account: overview.account,
    state: overview.state,
    link: link ? { ...linkView(link), customer: linkedCustomer ? customerView(linkedCustomer) : null } : null,
    suggestion: overview.suggestion,
    warnings: overview.warnings,
    accountModified: overview.accountModified,
    lookalikes: lookalikesOf(view, exactId),
    division: input.division,
    candidates: [],
  };
  for (const candidate of suggestion.candidates) {
    const stored = rows.get(candidate.customer.number);
    if (!stored) continue;
    // What linking by hand would change on the account (as link-account.ts decides it), for a customer free to link.
    const free = !link && candidate.linkedTo === undefined;
    const fix = free ? vatFixFor(account, zapfloorCustomerOf(stored)) : undefined;
    const searchCode = free
      ? searchCodeOnLink(account, stored.number, searchCodeRule(ctx, view, exactId, stored.number))
      : undefined;
    detail.candidates.push({
      ...(fix ? { fix } : {}),
      ...(searchCode?.outcome === "set" ? { linkChanges: [searchCode.change] } : {}),
      customer: customerView(stored),
      matchedOn: candidate.matchedOn,
      score: candidate.score,
      nameSimilarity: candidate.nameSimilarity,
      linkedTo: candidate.linkedTo ?? null,
      decision: candidate.decision ?? null,
      reasons: candidateReasons(candidate, account),
    });
  }
  return detail;
}

/** What a hand link would write into the account's empty SearchCode: whether the number is another account's. */
function searchCodeRule(
  ctx: ExactServiceContext,
  view: DivisionView,
  exactId: string,
  customerNumber: string,
) {
  return {
    maxLength: ctx.exact.app.searchCodeMaxLength ?? SEARCH_CODE_MAX_LENGTH,
    numberTakenElsewhere: [
      ...view.accounts.index.findByCode(customerNumber),
      ...view.accounts.index.findBySearchCode(customerNumber),
    ].some((other) => other.id !== exactId),
  };
}
