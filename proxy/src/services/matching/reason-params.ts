import type { ApiReason, MatchResult } from "@zapfloor-exact/shared/schemas/matching";

/** What a reason's sentence names of the account it is about. */
export interface ReasonAccount {
  status: string | null | undefined;
  vat: string | null | undefined;
}

/**
 * A match's reasons with the values their sentences name (the account's status, both VAT numbers), so that a
 * reader can word them in its own language long after the match: a parked invoice keeps them.
 */
export function reasonsWithParams(result: MatchResult, customerVat: string | null | undefined): ApiReason[] {
  const accounts = new Map(result.candidates.map((candidate) => [candidate.account.id, candidate.account]));
  if (result.exactAccount) accounts.set(result.exactAccount.id, result.exactAccount);
  return result.reasons.map((reason) => {
    const account = reason.accountId ? accounts.get(reason.accountId) : undefined;
    return withParams(
      reason,
      account && { status: account.status, vat: account.vatNumberNormalised ?? account.vatNumber },
      customerVat,
    );
  });
}

/** One reason with the values its sentence names, from the account it is about and the customer's VAT number. */
export function withParams(
  reason: ApiReason,
  account: ReasonAccount | undefined,
  customerVat: string | null | undefined,
): ApiReason {
  if (reason.code === "not_a_customer" && account?.status)
    return { ...reason, params: { status: account.status } };
  if (reason.code === "vat_differs" && account?.vat && customerVat)
    return { ...reason, params: { customerVat, accountVat: account.vat } };
  return reason;
}
