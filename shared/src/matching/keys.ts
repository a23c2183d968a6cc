import { normaliseSearchCode } from "./codes";
import { companyNumberFromVat, normaliseCompanyNumber } from "./company-number";
import { normaliseCountry } from "./country";
import { codeOfHeld, type HeldCode, heldCode } from "./held-code";
import { normaliseName } from "./names";
import type { ExactAccountSnapshot, ZapfloorCustomer } from "./types";
import { canonicalVat, type NormalisedVat, normaliseVat } from "./vat";

/**
 * An Exact account with everything matching compares, computed once. A record may carry its own keys (its
 * `account` is itself), as a large division's index keeps one object per account rather than two.
 */
export interface IndexedAccount {
  id: string;
  account: ExactAccountSnapshot;
  /** The canonical VAT number, when its format is recognised (check digits may still fail). */
  vat: string | undefined;
  /** Code and SearchCode as compared: trimmed and upper-cased (`normaliseSearchCode`). */
  codeKey: string | undefined;
  searchCodeKey: string | undefined;
  /** From `ChamberOfCommerce`, plus the enterprise number inside a Belgian VAT number. */
  readonly companyNumbers: readonly string[];
  /** The name as compared: `normaliseName(account.name)`. */
  normalisedName: string;
}

/** A zapfloor customer with everything matching compares, computed once. */
export interface IndexedCustomer {
  number: string;
  customer: ZapfloorCustomer;
  vat: NormalisedVat;
  /** The number as a Code or SearchCode is compared with it: trimmed and upper-cased. */
  numberCode: string | undefined;
  /** From `companyNumber`, else the enterprise number inside a Belgian VAT number. */
  companyNumber?: string;
  /** True when `companyNumber` was read from the VAT number rather than given. */
  companyNumberIsFromVat: boolean;
  /** The name as compared: `normaliseName(customer.name)`. */
  normalisedName: string;
}

/** Lower-case GUID without braces, as the mirror stores it. */
export function normaliseAccountId(id: string): string {
  if (id.length === 36) return id.toLowerCase();
  return id
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}

const NO_COMPANY_NUMBERS: readonly string[] = Object.freeze([]);

/** An account's keys as `IndexedAccount` holds them, its company numbers as the two strings they come from. */
export interface AccountKeyValues {
  id: string;
  vat: string | undefined;
  codeKey: string | undefined;
  searchCodeKey: string | undefined;
  /** The canonical company number of `ChamberOfCommerce`, if any. */
  chamber: string | undefined;
  normalisedName: string;
}

/** The company numbers of an account with this `ChamberOfCommerce` key and canonical VAT number. */
function companyNumbersOf(chamber: string | undefined, vat: string | undefined): readonly string[] {
  const fromVat = companyNumberFromVat(vat);
  if (chamber === undefined) return fromVat === undefined ? NO_COMPANY_NUMBERS : [fromVat];
  return fromVat === undefined || fromVat === chamber ? [chamber] : [chamber, fromVat];
}

/**
 * The matching keys an indexed account holds, its company numbers as the two strings they come from, not as an
 * array (most accounts have one, the VAT number itself), and its codes as `HeldCode`s: a division holds one of
 * these per account. A
 * record that carries its own keys extends it, so that the index keeps one object per account.
 */
export abstract class HeldAccountKeys {
  readonly vat: string | undefined;
  readonly #codeKey: HeldCode | undefined;
  readonly #searchCodeKey: HeldCode | undefined;
  readonly #chamber: string | undefined;
  readonly normalisedName: string;

  constructor(keys: AccountKeyValues) {
    this.vat = keys.vat;
    this.#codeKey = heldCode(keys.codeKey);
    this.#searchCodeKey = heldCode(keys.searchCodeKey);
    this.#chamber = keys.chamber;
    this.normalisedName = keys.normalisedName;
  }

  get codeKey(): string | undefined {
    return codeOfHeld(this.#codeKey);
  }
  get searchCodeKey(): string | undefined {
    return codeOfHeld(this.#searchCodeKey);
  }

  get companyNumbers(): readonly string[] {
    return companyNumbersOf(this.#chamber, this.vat);
  }
}

/** The keys of an account kept apart from it. */
class AccountKeys extends HeldAccountKeys implements IndexedAccount {
  readonly id: string;

  constructor(
    readonly account: ExactAccountSnapshot,
    keys: AccountKeyValues,
  ) {
    super(keys);
    this.id = keys.id;
  }
}

/** `made` as the string the account already holds when they read the same: one copy kept, not two. */
const sameOr = (made: string | undefined, held: string | null): string | undefined =>
  made !== undefined && made === held ? held : made;

/** What matching compares of an account, computed from its fields. */
export function accountKeyValues(account: ExactAccountSnapshot): AccountKeyValues {
  const country = normaliseCountry(account.country);
  return {
    id: sameOr(normaliseAccountId(account.id), account.id)!,
    vat: sameOr(canonicalVat(account.vatNumber, { country }), account.vatNumber),
    codeKey: normaliseSearchCode(account.code),
    searchCodeKey: normaliseSearchCode(account.searchCode),
    chamber: account.chamberOfCommerce
      ? sameOr(
          normaliseCompanyNumber(account.chamberOfCommerce, { country }).canonical,
          account.chamberOfCommerce,
        )
      : undefined,
    normalisedName: normaliseName(account.name),
  };
}

/** An account that carries its own keys: its `account` is itself. */
const keyedItself = (account: ExactAccountSnapshot): account is ExactAccountSnapshot & IndexedAccount =>
  (account as Partial<IndexedAccount>).account === account;

export function indexAccount(account: ExactAccountSnapshot): IndexedAccount {
  if (keyedItself(account)) return account;
  return new AccountKeys(account, accountKeyValues(account));
}

export function indexCustomer(customer: ZapfloorCustomer): IndexedCustomer {
  const vat = normaliseVat(customer.vatNumber, { country: customer.country });
  const given = normaliseCompanyNumber(customer.companyNumber, { country: customer.country }).canonical;
  const fromVat = given === undefined ? companyNumberFromVat(vat.canonical) : undefined;
  return {
    number: customer.number.trim(),
    customer,
    vat,
    numberCode: normaliseSearchCode(customer.number),
    companyNumber: given ?? fromVat,
    companyNumberIsFromVat: given === undefined && fromVat !== undefined,
    normalisedName: normaliseName(customer.name),
  };
}
