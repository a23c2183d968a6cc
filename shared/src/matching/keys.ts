import { normaliseSearchCode } from "./codes";
import { companyNumberFromVat, normaliseCompanyNumber } from "./company-number";
import { normaliseCountry } from "./country";
import { normaliseName } from "./names";
import type { ExactAccountSnapshot, ZapfloorCustomer } from "./types";
import { canonicalVat, type NormalisedVat, normaliseVat } from "./vat";

/** An Exact account with everything matching compares, computed once. */
export interface IndexedAccount {
  id: string;
  account: ExactAccountSnapshot;
  /** The canonical VAT number, when its format is recognised (check digits may still fail). */
  vat: string | undefined;
  /** Code and SearchCode as compared: trimmed and upper-cased (`normaliseSearchCode`). */
  code: string | undefined;
  searchCode: string | undefined;
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

/**
 * An indexed account keeps its company numbers as the two strings they come from, not as an array: most
 * accounts have one, the VAT number itself, and a division holds one of these per account.
 */
class AccountKeys implements IndexedAccount {
  readonly #chamber: string | undefined;

  constructor(
    readonly id: string,
    readonly account: ExactAccountSnapshot,
    readonly vat: string | undefined,
    readonly code: string | undefined,
    readonly searchCode: string | undefined,
    chamber: string | undefined,
    readonly normalisedName: string,
  ) {
    this.#chamber = chamber;
  }

  get companyNumbers(): readonly string[] {
    const chamber = this.#chamber;
    const fromVat = companyNumberFromVat(this.vat);
    if (chamber === undefined) return fromVat === undefined ? NO_COMPANY_NUMBERS : [fromVat];
    return fromVat === undefined || fromVat === chamber ? [chamber] : [chamber, fromVat];
  }
}

/** `made` as the string the account already holds when they read the same: one copy kept, not two. */
const sameOr = (made: string | undefined, held: string | null): string | undefined =>
  made !== undefined && made === held ? held : made;

export function indexAccount(account: ExactAccountSnapshot): IndexedAccount {
  const country = normaliseCountry(account.country);
  const vat = sameOr(canonicalVat(account.vatNumber, { country }), account.vatNumber);
  const chamber = account.chamberOfCommerce
    ? sameOr(
        normaliseCompanyNumber(account.chamberOfCommerce, { country }).canonical,
        account.chamberOfCommerce,
      )
    : undefined;
  return new AccountKeys(
    normaliseAccountId(account.id),
    account,
    vat,
    normaliseSearchCode(account.code),
    normaliseSearchCode(account.searchCode),
    chamber,
    normaliseName(account.name),
  );
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
