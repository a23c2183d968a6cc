import type { AccountSuggestion, CustomerCandidate } from "@zapfloor-exact/shared/matching";
import type { AccountState } from "@zapfloor-exact/shared/schemas/accounts";
import type { ApiReason } from "@zapfloor-exact/shared/schemas/matching";
import type { CustomerRow } from "../../db/customer-store";
import type { LinkRow } from "../../db/link-store";
import type { MirroredAccount } from "../matching/mirrored-account";

const STATUS_WORDS: Record<string, string> = { P: "a prospect", S: "a suspect", A: "not a customer" };

const describe = (account: MirroredAccount) =>
  account.code?.trim() ? `"${account.name}" (code ${account.code.trim()})` : `"${account.name}"`;

/** What a bookkeeper should know about an account before trusting its link, or linking it. */
export function accountWarnings(
  account: MirroredAccount,
  link: LinkRow | undefined,
  linkedCustomer: CustomerRow | undefined,
  accountVatKey: string | undefined,
): ApiReason[] {
  const warnings: ApiReason[] = [];
  const accountId = account.id;
  if (account.deletedAt !== null) {
    warnings.push({
      code: "account_deleted",
      accountId,
      message: `Exact account ${describe(account)} was deleted in Exact Online${link ? "; the link should be removed" : ""}.`,
    });
  } else if (account.status !== "C") {
    const what =
      (account.status === null || account.status === "A") && account.isSupplier
        ? "a supplier only"
        : (STATUS_WORDS[account.status ?? "A"] ?? "not a customer");
    warnings.push({
      code: "not_a_customer",
      accountId,
      action: "promote_and_link",
      params: { status: account.status ?? "A" },
      message: `Exact account ${describe(account)} is ${what}, not a customer; only customers can be linked. It can be promoted to customer and linked.`,
    });
  }
  if (account.blocked) {
    warnings.push({
      code: "account_blocked",
      accountId,
      message: `Exact account ${describe(account)} is blocked.`,
    });
  }
  if (link && !linkedCustomer) {
    warnings.push({
      code: "customer_unknown",
      customerNumber: link.customerNumber,
      message: `The linked zapfloor customer ${link.customerNumber} is not known to the proxy.`,
    });
  }
  if (linkedCustomer?.vatKey && accountVatKey && linkedCustomer.vatKey !== accountVatKey) {
    warnings.push({
      code: "vat_differs",
      accountId,
      customerNumber: linkedCustomer.number,
      params: { customerVat: linkedCustomer.vatKey, accountVat: accountVatKey },
      message: `VAT number differs: zapfloor has ${linkedCustomer.vatKey}, Exact account ${describe(account)} has ${accountVatKey}.`,
    });
  }
  return warnings;
}

/** One state per account; see `accountStateSchema`. A linked account's state needs no suggestion, so none is worked out. */
export function accountState(
  linked: boolean,
  warnings: ApiReason[],
  suggestion: () => AccountSuggestion,
): AccountState {
  if (linked) return warnings.length > 0 ? "conflict" : "linked";
  const { outcome } = suggestion();
  if (outcome === "match") return "suggested";
  if (outcome === "review") return "conflict";
  return "unlinked";
}

/** The suggested customer's own candidate entry (score, signals), when it is among the candidates. */
export function suggestedCandidate(suggestion: AccountSuggestion): CustomerCandidate | undefined {
  return suggestion.candidates.find((candidate) => candidate.customer.number === suggestion.customerNumber);
}
