import type { CodeComparisonOptions } from "./codes";
import type { IndexedAccount, IndexedCustomer } from "./keys";

/** The accounts that share an identifier with one customer, per signal. */
export interface AccountHits {
  byCode: readonly IndexedAccount[];
  bySearchCode: readonly IndexedAccount[];
  byVat: readonly IndexedAccount[];
  byCompanyNumber: readonly IndexedAccount[];
}

/** What the decision needs from a division's accounts; `AccountIndex` answers each in O(1)-ish. */
export interface AccountLookup {
  get(accountId: string): IndexedAccount | undefined;
  findForCustomer(customer: IndexedCustomer, options: CodeComparisonOptions): AccountHits;
  /** Accounts worth scoring against this name (not yet filtered by similarity). */
  findNameLookalikes(normalisedName: string): readonly IndexedAccount[];
}

/** The customers that share something with one account, per signal. */
export interface CustomerHits {
  /** Customers whose number is the account's Code. */
  byCode: readonly IndexedCustomer[];
  /** Customers whose number is the account's SearchCode. */
  bySearchCode: readonly IndexedCustomer[];
  byVat: readonly IndexedCustomer[];
  byCompanyNumber: readonly IndexedCustomer[];
  byName: readonly IndexedCustomer[];
}

export interface CustomerLookup {
  get(customerNumber: string): IndexedCustomer | undefined;
  findForAccount(account: IndexedAccount, options: CodeComparisonOptions): CustomerHits;
}
