import type { CodeComparisonOptions } from "./codes";
import {
  type CodeKeys,
  type IndexedAccount,
  type IndexedCustomer,
  indexAccount,
  normaliseAccountId,
} from "./keys";
import type { AccountHits, AccountLookup } from "./lookup";
import {
  defaultNamePoolOptions,
  type NameHit,
  type NamePoolOptions,
  pickNamePool,
  searchableTokens,
} from "./name-pool";
import type { ExactAccountSnapshot } from "./types";

/**
 * The naive way to answer the same questions as `AccountIndex`: every lookup scans every account.
 * It exists as the reference the index is checked against (tests) and measured against (bench).
 * Accounts are normalised once up front, so the scan costs comparisons only.
 */
export class LinearScanLookup implements AccountLookup {
  readonly #accounts: IndexedAccount[];
  readonly #searchableTokens: string[][];
  readonly #tokenFrequency = new Map<string, number>();
  readonly #namePool: NamePoolOptions;

  constructor(accounts: Iterable<ExactAccountSnapshot>, options: Partial<NamePoolOptions> = {}) {
    this.#namePool = { ...defaultNamePoolOptions, ...options };
    this.#accounts = [...accounts].map(indexAccount);
    this.#searchableTokens = this.#accounts.map((indexed) => searchableTokens(indexed.name));
    for (const tokens of this.#searchableTokens) {
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
    const nameHits: NameHit<IndexedAccount>[] = [];
    const vat = customer.vat.canonical;
    const tokens = new Set(
      searchableTokens(customer.name).filter(
        (token) => (this.#tokenFrequency.get(token) ?? 0) <= this.#namePool.maxTokenFrequency,
      ),
    );
    const wholeName = customer.name.normalised;
    for (const [position, indexed] of this.#accounts.entries()) {
      if (sameCode(indexed.code, customer.numberKeys, options)) byCode.push(indexed);
      if (sameCode(indexed.searchCode, customer.numberKeys, options)) bySearchCode.push(indexed);
      if (vat !== undefined && indexed.vat.canonical === vat) byVat.push(indexed);
      if (customer.companyNumber !== undefined && indexed.companyNumbers.includes(customer.companyNumber)) {
        byCompanyNumber.push(indexed);
      }
      const exactName = wholeName !== "" && indexed.name.normalised === wholeName;
      let sharedTokens = 0;
      for (const token of this.#searchableTokens[position]!) if (tokens.has(token)) sharedTokens++;
      if (exactName || sharedTokens > 0) nameHits.push({ item: indexed, sharedTokens, exactName });
    }
    const byName = pickNamePool(nameHits, (indexed) => indexed.id, this.#namePool.poolSize);
    return { byCode, bySearchCode, byVat, byCompanyNumber, byName };
  }
}

function sameCode(account: CodeKeys, customer: CodeKeys, options: CodeComparisonOptions): boolean {
  if (options.zeroPaddedNumericEqual && customer.numeric !== undefined) {
    return account.numeric !== undefined && account.numeric === customer.numeric;
  }
  return customer.text !== undefined && account.text === customer.text;
}
