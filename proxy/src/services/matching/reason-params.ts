import type { ApiReason, MatchResult } from "@zapfloor-exact/shared/schemas/matching";

/**
 * A match's reasons with the values their sentences name (the account's status, both VAT numbers), so that a
 * reader can word them in its own language long after the match: a parked invoice keeps them.
 */
export function reasonsWithParams(result: MatchResult, customerVat: string | null | undefined): ApiReason[] {
  const accounts = new Map(result.candidates.map((candidate) => [candidate.account.id, candidate.account]));
  if (result.exactAccount) accounts.set(result.exactAccount.id, result.exactAccount);
  return result.reasons.map((reason) => {
    const account = reason.accountId ? accounts.get(reason.accountId) : undefined;
    if (reason.code === "not_a_customer" && account?.status)
      return { ...reason, params: { status: account.status } };
    if (reason.code === "vat_differs" && account && customerVat) {
      const accountVat = account.vatNumberNormalised ?? account.vatNumber;
      if (accountVat) return { ...reason, params: { customerVat, accountVat } };
    }
    return reason;
  });
}
