import { CodeKeyIndex } from "./code-key-index";
import { type CodeComparisonOptions, normaliseSearchCode } from "./codes";
import { companyNumberFromVat, normaliseCompanyNumber } from "./company-number";
import { type IndexedAccount, type IndexedCustomer, indexAccount, normaliseAccountId } from "./keys";
import type { AccountHits, AccountLookup } from "./lookup";
import { MultiMap } from "./multimap";
import { NameIndex } from "./name-index";
import type { NamePoolOptions } from "./name-pool";
import { normalisedSimilarity, normaliseName } from "./names";
import type { ExactAccountSnapshot } from "./types";
import { normaliseVat } from "./vat";

export interface AccountNameSuggestion {
  account: IndexedAccount;
  similarity: number;
}

const zeroPaddedEqual: CodeComparisonOptions = { zeroPaddedNumericEqual: true };

/**
 * One division's Exact accounts, keyed by every matching signal. Build it once (O(M)), keep it in step
 * with the mirror through `upsert` and `remove`, and each lookup costs about O(1), so matching N
 * customers costs O(N + M) rather than O(N × M).
 */
export class AccountIndex implements AccountLookup {
  readonly #byId = new Map<string, IndexedAccount>();
  readonly #code = new CodeKeyIndex<IndexedAccount>((indexed) => indexed.codeKey);
  readonly #searchCode = new CodeKeyIndex<IndexedAccount>((indexed) => indexed.searchCodeKey);
  readonly #vat = new MultiMap<IndexedAccount>();
  /** Company numbers other than the one read from the account's own VAT number: that one is its VAT key (`#vat`). */
  readonly #companyNumber = new MultiMap<IndexedAccount>();
  readonly #name: NameIndex<IndexedAccount>;

  constructor(accounts: Iterable<ExactAccountSnapshot> = [], options: Partial<NamePoolOptions> = {}) {
    this.#name = new NameIndex(
      { keyOf: (indexed) => indexed.id, nameOf: (indexed) => indexed.normalisedName },
      options,
    );
    this.upsertAll(accounts);
  }

  /**
   * Files many accounts, as `upsert` would one after another (a later one with the same id replaces an earlier
   * or an indexed one), but each key map in a pass of its own: filling one map at a time keeps its table in the
   * CPU cache, which makes a large division markedly quicker to index. The constructor's bulk load, and each
   * part of a large index built in parts.
   */
  upsertAll(accounts: Iterable<ExactAccountSnapshot>): void {
    const read = Array.from(accounts, indexAccount);
    let replaced = false;
    for (const indexed of read) {
      const earlier = this.#byId.get(indexed.id);
      if (earlier) {
        this.#removeIndexed(earlier);
        replaced = true;
      }
      this.#byId.set(indexed.id, indexed);
    }
    const all = replaced ? read.filter((indexed) => this.#byId.get(indexed.id) === indexed) : read;
    for (const indexed of all) this.#code.add(indexed.codeKey, indexed);
    for (const indexed of all) this.#searchCode.add(indexed.searchCodeKey, indexed);
    for (const indexed of all) this.#vat.add(indexed.vat, indexed);
    for (const indexed of all)
      for (const companyNumber of filedCompanyNumbers(indexed))
        this.#companyNumber.add(companyNumber, indexed);
    for (const indexed of all) this.#name.add(indexed.normalisedName, indexed);
  }

  get size(): number {
    return this.#byId.size;
  }

  get(accountId: string): IndexedAccount | undefined {
    return this.#byId.get(normaliseAccountId(accountId));
  }

  values(): IterableIterator<IndexedAccount> {
    return this.#byId.values();
  }

  /** Adds an account that is not yet indexed; throws if its id is already there (use `upsert`). */
  add(account: ExactAccountSnapshot): IndexedAccount {
    if (this.get(account.id)) throw new Error(`Account ${account.id} is already in the index.`);
    return this.upsert(account);
  }

  /** Adds the account, or replaces the indexed version with the same id. */
  upsert(account: ExactAccountSnapshot): IndexedAccount {
    const indexed = indexAccount(account);
    this.#removeIndexed(this.#byId.get(indexed.id));
    this.#byId.set(indexed.id, indexed);
    this.#code.add(indexed.codeKey, indexed);
    this.#searchCode.add(indexed.searchCodeKey, indexed);
    this.#vat.add(indexed.vat, indexed);
    for (const companyNumber of filedCompanyNumbers(indexed)) this.#companyNumber.add(companyNumber, indexed);
    this.#name.add(indexed.normalisedName, indexed);
    return indexed;
  }

  /** Removes the account; false if it was not indexed. */
  remove(accountId: string): boolean {
    return this.#removeIndexed(this.get(accountId));
  }

  #removeIndexed(indexed: IndexedAccount | undefined): boolean {
    if (!indexed) return false;
    this.#byId.delete(indexed.id);
    this.#code.delete(indexed.codeKey, indexed);
    this.#searchCode.delete(indexed.searchCodeKey, indexed);
    this.#vat.delete(indexed.vat, indexed);
    for (const companyNumber of filedCompanyNumbers(indexed))
      this.#companyNumber.delete(companyNumber, indexed);
    this.#name.delete(indexed.normalisedName, indexed);
    return true;
  }

  /** Accounts whose VAT number reads the same as `raw`, however it is spelled. */
  findByVat(raw: string, options: { country?: string | null } = {}): IndexedAccount[] {
    return [...this.#vat.get(normaliseVat(raw, options).canonical)];
  }

  /** Accounts whose Code is `value`, ignoring Exact's padding, case and (by default) leading zeros. */
  findByCode(value: string, options: CodeComparisonOptions = zeroPaddedEqual): IndexedAccount[] {
    return [...this.#code.find(normaliseSearchCode(value), options)];
  }

  /** Accounts whose SearchCode is `value`, ignoring padding, case and (by default) leading zeros. */
  findBySearchCode(value: string, options: CodeComparisonOptions = zeroPaddedEqual): IndexedAccount[] {
    return [...this.#searchCode.find(normaliseSearchCode(value), options)];
  }

  /** Accounts with this company number in `ChamberOfCommerce` or inside a Belgian VAT number. */
  findByCompanyNumber(raw: string, options: { country?: string | null } = {}): IndexedAccount[] {
    return [...this.#byCompanyNumber(normaliseCompanyNumber(raw, options).canonical)];
  }

  /** Accounts whose names resemble `name`, most similar first (for a search box). */
  suggestByName(name: string, threshold = 0.6): AccountNameSuggestion[] {
    const normalised = normaliseName(name);
    return this.#name
      .pool(normalised)
      .map((account) => ({ account, similarity: normalisedSimilarity(normalised, account.normalisedName) }))
      .filter((suggestion) => suggestion.similarity >= threshold)
      .sort((a, b) => b.similarity - a.similarity || (a.account.id < b.account.id ? -1 : 1));
  }

  findForCustomer(customer: IndexedCustomer, options: CodeComparisonOptions): AccountHits {
    return {
      byCode: this.#code.find(customer.numberCode, options),
      bySearchCode: this.#searchCode.find(customer.numberCode, options),
      byVat: this.#vat.get(customer.vat.canonical),
      byCompanyNumber: this.#byCompanyNumber(customer.companyNumber),
    };
  }

  findNameLookalikes(normalisedName: string): readonly IndexedAccount[] {
    return this.#name.pool(normalisedName);
  }

  /** Accounts with this company number: filed under it, or with the VAT number it is read from. */
  #byCompanyNumber(companyNumber: string | undefined): readonly IndexedAccount[] {
    const filed = this.#companyNumber.get(companyNumber);
    if (companyNumber === undefined || companyNumberFromVat(companyNumber) !== companyNumber) return filed;
    const byVat = this.#vat.get(companyNumber);
    if (filed.length === 0) return byVat;
    return byVat.length === 0 ? filed : [...filed, ...byVat];
  }
}

/**
 * The company numbers an account is filed under in the company-number map: a Belgian VAT number's company number
 * is the VAT number itself, already a key of the VAT map, so a division does not hold a second entry per account.
 */
function filedCompanyNumbers(indexed: IndexedAccount): readonly string[] {
  const fromVat = companyNumberFromVat(indexed.vat);
  const numbers = indexed.companyNumbers;
  if (fromVat === undefined) return numbers;
  return numbers.filter((companyNumber) => companyNumber !== fromVat);
}
