import { type CodeComparisonOptions, significantDigits } from "./codes";
import { type IndexedAccount, type IndexedCustomer, indexAccount, normaliseAccountId } from "./keys";
import type { AccountHits, AccountLookup } from "./lookup";
import { defaultNamePoolOptions, type NamePoolAccess, type NamePoolOptions, pickNamePool } from "./name-pool";
import { searchTokens } from "./names";
import type { ExactAccountSnapshot } from "./types";

/**
 * The naive way to answer the same questions as `AccountIndex`: every lookup scans every account.
 * It exists as the reference the index is checked against (tests) and measured against (bench).
 * Accounts are normalised once up front and their keys laid out side by side, so a scan costs
 * comparisons only.
 */
export class LinearScanLookup implements AccountLookup {
  readonly #accounts: IndexedAccount[];
  readonly #ids: string[];
  readonly #codeText: (string | undefined)[];
  readonly #codeNumeric: (string | undefined)[];
  readonly #searchCodeText: (string | undefined)[];
  readonly #searchCodeNumeric: (string | undefined)[];
  readonly #vat: (string | undefined)[];
  readonly #companyNumbers: (readonly string[])[];
  readonly #searchTokens: (readonly string[])[];
  readonly #tokenFrequency = new Map<string, number>();
  readonly #namePool: NamePoolOptions;

  constructor(accounts: Iterable<ExactAccountSnapshot>, options: Partial<NamePoolOptions> = {}) {
    this.#namePool = { ...defaultNamePoolOptions, ...options };
    this.#accounts = [...accounts].map(indexAccount);
    this.#ids = this.#accounts.map((indexed) => indexed.id);
    this.#codeText = this.#accounts.map((indexed) => indexed.codeKey);
    this.#codeNumeric = this.#codeText.map(digitsOf);
    this.#searchCodeText = this.#accounts.map((indexed) => indexed.searchCodeKey);
    this.#searchCodeNumeric = this.#searchCodeText.map(digitsOf);
    this.#vat = this.#accounts.map((indexed) => indexed.vat);
    this.#companyNumbers = this.#accounts.map((indexed) => indexed.companyNumbers);
    this.#searchTokens = this.#accounts.map((indexed) => searchTokens(indexed.normalisedName));
    for (const tokens of this.#searchTokens) {
      for (const token of tokens) {
        this.#tokenFrequency.set(token, (this.#tokenFrequency.get(token) ?? 0) + 1);
      }
    }
  }

  get(accountId: string): IndexedAccount | undefined {
    const position = this.#ids.indexOf(normaliseAccountId(accountId));
    return position < 0 ? undefined : this.#accounts[position];
  }

  findForCustomer(customer: IndexedCustomer, options: CodeComparisonOptions): AccountHits {
    const byCode: IndexedAccount[] = [];
    const bySearchCode: IndexedAccount[] = [];
    const byVat: IndexedAccount[] = [];
    const byCompanyNumber: IndexedAccount[] = [];
    const digits = digitsOf(customer.numberCode);
    const numeric = options.zeroPaddedNumericEqual && digits !== undefined;
    const number = numeric ? digits : customer.numberCode;
    const codes = numeric ? this.#codeNumeric : this.#codeText;
    const searchCodes = numeric ? this.#searchCodeNumeric : this.#searchCodeText;
    const vat = customer.vat.canonical;
    const companyNumber = customer.companyNumber;
    for (let position = 0; position < this.#accounts.length; position++) {
      if (number !== undefined && codes[position] === number) byCode.push(this.#accounts[position]!);
      if (number !== undefined && searchCodes[position] === number)
        bySearchCode.push(this.#accounts[position]!);
      if (vat !== undefined && this.#vat[position] === vat) byVat.push(this.#accounts[position]!);
      if (companyNumber !== undefined && holds(this.#companyNumbers[position]!, companyNumber))
        byCompanyNumber.push(this.#accounts[position]!);
    }
    return { byCode, bySearchCode, byVat, byCompanyNumber };
  }

  findNameLookalikes(normalisedName: string): readonly IndexedAccount[] {
    const words = searchTokens(normalisedName);
    const uncommon = new Set(
      words.filter((word) => (this.#tokenFrequency.get(word) ?? 0) <= this.#namePool.maxTokenFrequency),
    );
    const sharingWords: IndexedAccount[] = [];
    const twins: IndexedAccount[] = [];
    for (let position = 0; position < this.#accounts.length; position++) {
      const indexed = this.#accounts[position]!;
      if (sharesWord(this.#searchTokens[position]!, uncommon)) sharingWords.push(indexed);
      else if (words.length > 0 && indexed.normalisedName === normalisedName) twins.push(indexed);
    }
    // As in the index: twins are looked for only when every word of the name is common.
    const found = uncommon.size > 0 ? sharingWords : twins;
    return pickNamePool(found, normalisedName, accountNames, this.#namePool.poolSize);
  }
}

const accountNames: NamePoolAccess<IndexedAccount> = {
  keyOf: (indexed) => indexed.id,
  nameOf: (indexed) => indexed.normalisedName,
};

function sharesWord(words: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const word of words) if (wanted.has(word)) return true;
  return false;
}

/** `values.includes(wanted)` without a call into the engine per account: most lists are empty. */
function holds(values: readonly string[], wanted: string): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === wanted) return true;
  return false;
}

function digitsOf(code: string | undefined): string | undefined {
  return code === undefined ? undefined : significantDigits(code);
}
