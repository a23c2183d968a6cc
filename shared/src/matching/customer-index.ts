import { CodeKeyIndex } from "./code-key-index";
import type { CodeComparisonOptions } from "./codes";
import { type IndexedAccount, type IndexedCustomer, indexCustomer } from "./keys";
import type { CustomerHits, CustomerLookup } from "./lookup";
import { MultiMap } from "./multimap";
import { NameIndex } from "./name-index";
import type { NamePoolOptions } from "./name-pool";
import type { ZapfloorCustomer } from "./types";

/**
 * One operator's zapfloor customers keyed by every matching signal: the mirror image of `AccountIndex`,
 * for the question "which customer belongs to this Exact account?".
 */
export class CustomerIndex implements CustomerLookup {
  readonly #byNumber = new Map<string, IndexedCustomer>();
  readonly #number = new CodeKeyIndex<IndexedCustomer>((indexed) => indexed.numberCode);
  readonly #vat = new MultiMap<IndexedCustomer>();
  readonly #companyNumber = new MultiMap<IndexedCustomer>();
  readonly #name: NameIndex<IndexedCustomer>;

  constructor(customers: Iterable<ZapfloorCustomer> = [], options: Partial<NamePoolOptions> = {}) {
    this.#name = new NameIndex(
      { keyOf: (indexed) => indexed.number, nameOf: (indexed) => indexed.normalisedName },
      options,
    );
    for (const customer of customers) this.upsert(customer);
  }

  get size(): number {
    return this.#byNumber.size;
  }

  get(customerNumber: string): IndexedCustomer | undefined {
    return this.#byNumber.get(customerNumber.trim());
  }

  values(): IterableIterator<IndexedCustomer> {
    return this.#byNumber.values();
  }

  /** Adds a customer that is not yet indexed; throws if its number is already there (use `upsert`). */
  add(customer: ZapfloorCustomer): IndexedCustomer {
    if (this.get(customer.number)) throw new Error(`Customer ${customer.number} is already in the index.`);
    return this.upsert(customer);
  }

  /** Adds the customer, or replaces the indexed version with the same number. */
  upsert(customer: ZapfloorCustomer): IndexedCustomer {
    const indexed = indexCustomer(customer);
    this.remove(indexed.number);
    this.#byNumber.set(indexed.number, indexed);
    this.#number.add(indexed.numberCode, indexed);
    this.#vat.add(indexed.vat.canonical, indexed);
    this.#companyNumber.add(indexed.companyNumber, indexed);
    this.#name.add(indexed.normalisedName, indexed);
    return indexed;
  }

  /** Removes the customer; false if it was not indexed. */
  remove(customerNumber: string): boolean {
    const indexed = this.get(customerNumber);
    if (!indexed) return false;
    this.#byNumber.delete(indexed.number);
    this.#number.delete(indexed.numberCode, indexed);
    this.#vat.delete(indexed.vat.canonical, indexed);
    this.#companyNumber.delete(indexed.companyNumber, indexed);
    this.#name.delete(indexed.normalisedName, indexed);
    return true;
  }

  findForAccount(account: IndexedAccount, options: CodeComparisonOptions): CustomerHits {
    const byCompanyNumber = new Set<IndexedCustomer>();
    for (const companyNumber of account.companyNumbers) {
      for (const customer of this.#companyNumber.get(companyNumber)) byCompanyNumber.add(customer);
    }
    return {
      byCode: this.#number.find(account.codeKey, options),
      bySearchCode: this.#number.find(account.searchCodeKey, options),
      byVat: this.#vat.get(account.vat),
      byCompanyNumber: [...byCompanyNumber],
      byName: this.#name.pool(account.normalisedName),
    };
  }
}
