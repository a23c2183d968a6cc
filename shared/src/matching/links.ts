import { normaliseAccountId } from "./keys";
import type { LinkLookup } from "./types";

/** A `LinkLookup` over an in-memory list of (zapfloor customer number, Exact account id) pairs. */
export function linksFromPairs(
  pairs: Iterable<readonly [customerNumber: string, accountId: string]>,
): LinkLookup {
  const accountByCustomer = new Map<string, string>();
  const customerByAccount = new Map<string, string>();
  for (const [customerNumber, accountId] of pairs) {
    const id = normaliseAccountId(accountId);
    accountByCustomer.set(customerNumber.trim(), id);
    customerByAccount.set(id, customerNumber.trim());
  }
  return {
    byCustomer: (customerNumber) => accountByCustomer.get(customerNumber.trim()),
    byAccount: (accountId) => customerByAccount.get(normaliseAccountId(accountId)),
  };
}

export const noLinks: LinkLookup = { byCustomer: () => undefined, byAccount: () => undefined };
