import {
  type AccountSuggestion,
  type CustomerCandidate,
  normaliseCountry,
  normaliseVat,
} from "@zapfloor-exact/shared/matching";
import type { AccountState, OverviewRow } from "@zapfloor-exact/shared/schemas/accounts";
import type { ApiReason } from "@zapfloor-exact/shared/schemas/matching";
import type { CustomerRow } from "../../db/customer-store";
import type { LinkRow } from "../../db/link-store";
import { accountModifiedOf } from "../links/account-version";
import { linkView } from "../links/link-view";
import { exactAccountView, type MirroredAccount } from "../matching/mirrored-account";
import { accountState, accountWarnings, suggestedCandidate } from "./account-state";
import type { DivisionView, ListedAccount } from "./division-view";

export interface RowInput {
  account: MirroredAccount;
  link: LinkRow | undefined;
  linkedCustomer: CustomerRow | undefined;
  suggestion: AccountSuggestion;
  /** The stored customer behind a number, for names. */
  customerNamed: (number: string) => CustomerRow | undefined;
}

export const accountVatKey = (account: MirroredAccount) =>
  normaliseVat(account.vatNumber, { country: normaliseCountry(account.country) }).canonical;

/** One account as the overview lists it: link, state, best suggestion and warnings. */
export function overviewRow(input: RowInput): OverviewRow {
  const { account, link, linkedCustomer, suggestion } = input;
  const warnings = accountWarnings(account, link, linkedCustomer, accountVatKey(account));
  const best = suggestedCandidate(suggestion);
  const suggestedNumber = suggestion.customerNumber;
  return {
    account: exactAccountView(account),
    state: accountState(link !== undefined, warnings, () => suggestion),
    link: link
      ? { ...linkView(link), customer: { number: link.customerNumber, name: linkedCustomer?.name ?? null } }
      : null,
    suggestion: {
      outcome: suggestion.outcome,
      customer: suggestedNumber
        ? { number: suggestedNumber, name: input.customerNamed(suggestedNumber)?.name ?? null }
        : null,
      score: best?.score ?? null,
      matchedOn: best?.matchedOn ?? [],
      reasons: suggestion.reasons as ApiReason[],
    },
    warnings,
    accountModified: accountModifiedOf(account.modifiedAt),
  };
}

/** One listed account of a division's view, as the overview shows it. */
export function rowOf(view: DivisionView, listed: ListedAccount): OverviewRow {
  const { account } = listed;
  const link = view.links.byAccount.get(account.id);
  const customerNamed = (number: string) => view.customers.rows.get(number);
  return overviewRow({
    account,
    link,
    linkedCustomer: link ? customerNamed(link.customerNumber) : undefined,
    suggestion: view.suggestionFor(account),
    customerNamed,
  });
}

/** One listed account's state alone, as `rowOf` works it out. */
export function stateOf(
  view: Pick<DivisionView, "links" | "customers" | "suggestionFor">,
  account: MirroredAccount,
): AccountState {
  const link = view.links.byAccount.get(account.id);
  const linkedCustomer = link ? view.customers.rows.get(link.customerNumber) : undefined;
  const warnings = accountWarnings(account, link, linkedCustomer, accountVatKey(account));
  return accountState(link !== undefined, warnings, () => view.suggestionFor(account));
}

/** Why a candidate customer may belong to the account, one reason per signal. */
export function candidateReasons(candidate: CustomerCandidate, account: MirroredAccount): ApiReason[] {
  const { customer } = candidate;
  const reasons: ApiReason[] = [];
  const accountId = account.id;
  const customerNumber = customer.number;
  for (const signal of candidate.matchedOn) {
    if (signal === "code") {
      reasons.push({
        code: "code",
        accountId,
        customerNumber,
        message: `zapfloor number ${customerNumber} is this account's Code.`,
      });
    } else if (signal === "searchCode") {
      reasons.push({
        code: "searchCode",
        accountId,
        customerNumber,
        message: `zapfloor number ${customerNumber} is this account's SearchCode.`,
      });
    } else if (signal === "vat") {
      reasons.push({
        code: "vat",
        accountId,
        customerNumber,
        message: `Same VAT number (${customer.vatNumber ?? ""}).`,
      });
    } else if (signal === "companyNumber") {
      reasons.push({
        code: "companyNumber",
        accountId,
        customerNumber,
        message: `Same company number (${customer.companyNumber ?? "from the VAT number"}).`,
      });
    } else {
      reasons.push({
        code: "name_suggestions",
        accountId,
        customerNumber,
        message: `Name ${Math.round(candidate.nameSimilarity * 100)}% similar ("${customer.name}")${
          candidate.matchedOn.length === 1 ? "; a name alone never links" : ""
        }.`,
      });
    }
  }
  if (candidate.linkedTo !== undefined && candidate.linkedTo !== accountId) {
    reasons.push({
      code: "already_linked_elsewhere",
      customerNumber,
      accountId: candidate.linkedTo,
      message: `zapfloor customer ${customerNumber} is already linked to Exact account ${candidate.linkedTo}.`,
    });
  }
  return reasons;
}
