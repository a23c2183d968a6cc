import {
  codeMatchKey,
  normaliseAccountId,
  type SearchCodeOnLink,
  searchCodeOnLink,
} from "@zapfloor-exact/shared/matching";
import type { LinkResult } from "@zapfloor-exact/shared/schemas/accounts";
import { readCustomer } from "../../db/customer-store";
import { linkOfAccount } from "../../db/link-store";
import { type MirrorRow, mirrorRow, mirrorRowsSharingKeys } from "../../db/mirror-reads";
import { upsertAccounts } from "../../db/mirror-store";
import { refused } from "../../errors";
import { updateAccountFields } from "../../exact/resources/accounts";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { SEARCH_CODE_MAX_LENGTH } from "../matching/new-customer";
import { rowWithChanges } from "../mirror/account-row";
import { accountDetail } from "../overview/account-detail";
import { assertAccountUnchanged } from "./account-version";
import { accountNotInMirror, customerUnknown } from "./refusals";
import { linkConflict, linkConflictError, writeLink } from "./write-link";

export interface LinkInput {
  tenantId: string;
  division: number;
  exactId: string;
  customerNumber: string;
  actor: string;
  /** The account's version as the bookkeeper saw it (`accountModified`); refused when the mirror's differs. */
  accountModified?: string | null | undefined;
}

type Scope = { tenantId: string; division: number };
export type SearchCodeResult = LinkResult["searchCodeResult"];

/**
 * A bookkeeper links an Exact customer account to a zapfloor customer. Only customers (Status C) that are
 * not blocked can be linked; either side already linked elsewhere is a 409 that says to what. When the
 * account's SearchCode is empty it gets the zapfloor number (one Exact call, a PUT of that field alone), so
 * that the link can be found again from Exact if the proxy's database is ever lost; a SearchCode that holds
 * anything else is never overwritten, and the answer says what was done, with the account as it now stands.
 */
export async function linkAccount(ctx: ExactServiceContext, input: LinkInput): Promise<LinkResult> {
  const searchCodeResult = await link(ctx, input);
  return { ...(await accountDetail(ctx, input)), searchCodeResult };
}

async function link(ctx: ExactServiceContext, input: LinkInput): Promise<SearchCodeResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  const account = await mirrorRow(ctx.db, scope, exactId);
  if (!account) throw accountNotInMirror(exactId, input.division);
  const customer = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!customer) throw customerUnknown(input.customerNumber);
  assertLinkable(account);
  const conflict = await linkConflict(ctx.db, scope, {
    customerNumber: customer.number,
    exactId,
    accountName: account.name,
  });
  if (conflict) throw linkConflictError(conflict);
  if ((await linkOfAccount(ctx.db, scope, exactId))?.customerNumber === customer.number) {
    return searchCodeResultOf({ outcome: "already_linked" }, account, customer.number);
  }
  assertAccountUnchanged(account, input.accountModified);

  const plan = await planSearchCode(ctx, scope, account, customer.number);
  if (plan.outcome === "set") {
    await updateAccountFields(ctx.exact.client.division(scope.tenantId, scope.division), exactId, {
      SearchCode: plan.change.to,
    });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (plan.outcome === "set") {
      await upsertAccounts(tx, [rowWithChanges(account, { SearchCode: plan.change.to }, now)]);
    }
    await writeLink(tx, scope, {
      customerNumber: customer.number,
      exactId,
      method: "manual",
      action: "link",
      actor: input.actor,
      at: now,
      ...(plan.outcome === "set" ? { details: { changes: [plan.change] } } : {}),
    });
  });
  return searchCodeResultOf(plan, account, customer.number);
}

function assertLinkable(account: MirrorRow): void {
  if (account.deletedAt !== null) {
    throw refused(
      "conflict",
      { reason: "account_deleted", params: { account: account.name } },
      `Exact account "${account.name}" was deleted in Exact Online; it cannot be linked.`,
    );
  }
  if (account.status !== "C") {
    throw refused(
      "conflict",
      {
        reason: "account_not_customer",
        params: { account: account.name, accountStatus: account.status ?? "" },
      },
      `Exact account "${account.name}" is not a customer (status ${account.status ?? "none"}); only customers can be linked. Promote it to customer and link it instead.`,
      { action: "promote_and_link" },
    );
  }
  if (account.blocked) {
    throw refused(
      "conflict",
      { reason: "account_blocked", params: { account: account.name } },
      `Exact account "${account.name}" is blocked; it cannot be linked.`,
    );
  }
}

/** What the link does to the SearchCode; the accounts carrying the number are read from the mirror. */
export async function planSearchCode(
  ctx: ExactServiceContext,
  scope: Scope,
  account: MirrorRow,
  customerNumber: string,
): Promise<SearchCodeOnLink> {
  const numberKey = codeMatchKey(customerNumber);
  const carriers = numberKey ? await mirrorRowsSharingKeys(ctx.db, scope, { numberKey }) : [];
  return searchCodeOnLink(account, customerNumber, {
    maxLength: ctx.exact.app.searchCodeMaxLength ?? SEARCH_CODE_MAX_LENGTH,
    numberTakenElsewhere: carriers.some((other) => other.id !== account.id),
  });
}

export function searchCodeResultOf(
  plan: SearchCodeOnLink | { outcome: "already_linked" },
  account: MirrorRow,
  customerNumber: string,
): SearchCodeResult {
  const current = account.searchCode?.trim() || null;
  switch (plan.outcome) {
    case "set":
      return {
        outcome: "set",
        searchCode: plan.change.to,
        message: `SearchCode set to ${plan.change.to} in Exact Online, so the link can be found again from Exact.`,
      };
    case "already_set":
      return {
        outcome: "already_set",
        searchCode: current,
        message: `The SearchCode is already ${current}.`,
      };
    case "kept_other":
      return {
        outcome: "kept_other",
        searchCode: current,
        message: `The SearchCode "${current}" was kept: it is not zapfloor's number ${customerNumber}, and an existing SearchCode is never overwritten.`,
      };
    case "too_long":
      return {
        outcome: "too_long",
        searchCode: null,
        message: `The SearchCode was left empty: zapfloor's number ${customerNumber} is longer than a SearchCode holds.`,
      };
    case "taken":
      return {
        outcome: "taken",
        searchCode: null,
        message: `The SearchCode was left empty: another Exact account already carries ${customerNumber} as its Code or SearchCode.`,
      };
    case "already_linked":
      return {
        outcome: "already_linked",
        searchCode: current,
        message: "Already linked; nothing was changed.",
      };
  }
}
