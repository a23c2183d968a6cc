import type {
  AccountLookup,
  CustomerLookup,
  IndexedAccount,
  IndexedCustomer,
  LinkLookup,
  MatchOptions,
} from "@zapfloor-exact/shared/matching";
import type { CustomerChange } from "../matching/customer-index-cache";
import type { LinkChange } from "../matching/link-cache";
import type { AccountChange } from "../matching/mirror-index";

export interface Changes {
  accounts: readonly AccountChange[];
  customers: readonly CustomerChange[];
  links: readonly LinkChange[];
}

interface Parts {
  accounts: AccountLookup;
  customers: CustomerLookup;
  links: LinkLookup;
}

/**
 * The accounts whose state in the overview the changes may have altered, read on the parts as they are after
 * them. An account's state reads its own row, its link and its linked customer; an unlinked account's also reads
 * the decision of each customer that shares an identifier (Code, SearchCode, VAT, company number) with it, and
 * such a decision reads the accounts sharing an identifier with that customer, and the links of both. So a
 * change reaches two identifier steps from an account, one from a customer, and each thing changed counts with
 * its keys before the change as well as after. Names do not reach: a customer found by its name alone gets no
 * decision, and in a decision's candidates an account found by name alone (at most 0.5) ranks below every
 * account found by an identifier (at least 0.8), so it never pushes one out.
 */
export function accountsReached(changes: Changes, parts: Parts, options: MatchOptions): Set<string> {
  const reached = new Set<string>();
  const visited = new Set<IndexedCustomer>();
  const fromCustomer = (customer: IndexedCustomer | undefined) => {
    if (!customer || visited.has(customer)) return;
    visited.add(customer);
    const hits = parts.accounts.findForCustomer(customer, options);
    for (const found of [hits.byCode, hits.bySearchCode, hits.byVat, hits.byCompanyNumber])
      for (const account of found) reached.add(account.id);
  };
  const fromAccount = (account: IndexedAccount | undefined) => {
    if (!account) return;
    const hits = parts.customers.findForAccount(account, options);
    for (const found of [hits.byCode, hits.bySearchCode, hits.byVat, hits.byCompanyNumber])
      for (const customer of found) fromCustomer(customer);
  };

  for (const { id, before } of changes.accounts) {
    reached.add(id);
    fromAccount(before);
    fromAccount(parts.accounts.get(id));
  }
  for (const { number, before } of changes.customers) {
    fromCustomer(before);
    fromCustomer(parts.customers.get(number));
    const linked = parts.links.byCustomer(number);
    if (linked !== undefined) reached.add(linked);
  }
  for (const { exactId, customerNumber } of changes.links) {
    reached.add(exactId);
    fromCustomer(parts.customers.get(customerNumber));
    fromAccount(parts.accounts.get(exactId));
  }
  return reached;
}
