import type { CodeComparisonOptions } from "./codes";
import {
  type CodeKeys,
  type IndexedAccount,
  type IndexedCustomer,
  indexAccount,
  normaliseAccountId,
} from "./keys";
import type { AccountHits, AccountLookup } from "./lookup";
import { defaultNamePoolOptions, type NamePoolAccess, type NamePoolOptions, pickNamePool } from "./name-pool";
import { searchTokens } from "./names";
import type { ExactAccountSnapshot } from "./types";

/**
 * The naive way to answer the same questions as `AccountIndex`: every lookup scans every account.
 * It exists as the reference the index is checked against (tests) and measured against (bench).
 * Accounts are normalised once up front, so the scan costs comparisons only.
 */
export class LinearScanLookup implements AccountLookup {
  readonly #accounts: IndexedAccount[];
  readonly #searchTokens: string[][];
  readonly #tokenFrequency = new Map<string, number>();
  readonly #namePool: NamePoolOptions;

  constructor(accounts: Iterable<ExactAccountSnapshot>, options: Partial<NamePoolOptions> = {}) {
    this.#namePool = { ...defaultNamePoolOptions, ...options };
    this.#accounts = [...accounts].map(indexAccount);
    this.#searchTokens = this.#accounts.map((indexed) => searchTokens(indexed.name));
    for (const tokens of this.#searchTokens) {
      for (const token of tokens) {
        this.#tokenFrequency.set(token, (this.#tokenFrequency.get(token) ?? 0) + 1);
      }
    }
  }

  get(accountId: string): IndexedAccount | undefined {
    const id = normaliseAccountId(accountId);
    return this.#accounts.find((indexed) => indexed.id === id);
  }

  findForCustomer(customer: IndexedCustomer, options: CodeComparisonOptions): AccountHits {
    const byCode: IndexedAccount[] = [];
    const bySearchCode: IndexedAccount[] = [];
    const byVat: IndexedAccount[] = [];
    const byCompanyNumber: IndexedAccount[] = [];
    const sharingWords: IndexedAccount[] = [];
    const twins: IndexedAccount[] = [];
    const vat = customer.vat.canonical;
    const customerWords = searchTokens(customer.name);
    const uncommon = new Set(
      customerWords.filter(
        (word) => (this.#tokenFrequency.get(word) ?? 0) <= this.#namePool.maxTokenFrequency,
      ),
    );
    const accounts = this.#accounts;
    for (let position = 0; position < accounts.length; position++) {
      const indexed = accounts[position]!;
      if (sameCode(indexed.code, customer.numberKeys, options)) byCode.push(indexed);
      if (sameCode(indexed.searchCode, customer.numberKeys, options)) bySearchCode.push(indexed);
      if (vat !== undefined && indexed.vat === vat) byVat.push(indexed);
      if (customer.companyNumber !== undefined && indexed.companyNumbers.includes(customer.companyNumber)) {
        byCompanyNumber.push(indexed);
      }
      if (sharesWord(this.#searchTokens[position]!, uncommon)) sharingWords.push(indexed);
      else if (customerWords.length > 0 && indexed.name.normalised === customer.name.normalised) {
        twins.push(indexed);
      }
    }
    // As in the index: twins are looked for only when every word of the name is common.
    const found = uncommon.size > 0 ? sharingWords : twins;
    const byName = pickNamePool(found, customer.name, accountNames, this.#namePool.poolSize);
    return { byCode, bySearchCode, byVat, byCompanyNumber, byName };
  }
}

const accountNames: NamePoolAccess<IndexedAccount> = {
  keyOf: (indexed) => indexed.id,
  nameOf: (indexed) => indexed.name,
};

function sharesWord(words: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const word of words) if (wanted.has(word)) return true;
  return false;
}

function sameCode(account: CodeKeys, customer: CodeKeys, options: CodeComparisonOptions): boolean {
  if (options.zeroPaddedNumericEqual && customer.numeric !== undefined) {
    return account.numeric !== undefined && account.numeric === customer.numeric;
  }
  return customer.text !== undefined && account.text === customer.text;
}
