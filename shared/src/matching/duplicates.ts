import type { AccountIndex } from "./account-index";
import type { IndexedAccount } from "./keys";

/** Another Exact customer that looks like the same company as the one at hand, and why. */
export interface LookalikeAccount {
  account: IndexedAccount;
  /** `vat`: the same VAT number; `name`: the same name once normalised. */
  sharedOn: ("vat" | "name")[];
}

/**
 * The other Exact customers (Status C) that look like the same company as `indexed`: the same VAT number,
 * or the same normalised name. Duplicates already in Exact, for a bookkeeper to merge there. By id.
 */
export function lookalikeCustomers(indexed: IndexedAccount, accounts: AccountIndex): LookalikeAccount[] {
  const found = new Map<IndexedAccount, LookalikeAccount>();
  const note = (other: IndexedAccount, reason: "vat" | "name") => {
    if (other.id === indexed.id || other.account.status !== "C") return;
    const entry = found.get(other) ?? { account: other, sharedOn: [] };
    entry.sharedOn.push(reason);
    found.set(other, entry);
  };
  if (indexed.vat !== undefined) for (const other of accounts.findByVat(indexed.vat)) note(other, "vat");
  if (indexed.normalisedName !== "") {
    for (const other of accounts.findNameLookalikes(indexed.normalisedName)) {
      if (other.normalisedName === indexed.normalisedName) note(other, "name");
    }
  }
  return [...found.values()].sort((a, b) => (a.account.id < b.account.id ? -1 : 1));
}
