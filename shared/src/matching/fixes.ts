import { codeMatchKey } from "./codes";
import { normaliseCompanyNumber } from "./company-number";
import { nameSimilarity, normaliseName } from "./names";
import { defaultMatchOptions, type ExactAccountSnapshot, type ZapfloorCustomer } from "./types";
import { formatVatForExact, normaliseVat } from "./vat";

/** One field of an Exact account as a fix would change it, shown to the bookkeeper before it is done. */
export interface FieldChange {
  field: "VATNumber" | "ChamberOfCommerce" | "SearchCode";
  /** The value Exact holds now (as mirrored), or null when empty. */
  from: string | null;
  to: string;
}

/** A change to an Exact account that lets a zapfloor customer be linked to it by its identifiers. */
export interface AccountFix {
  action: "add_vat_and_link";
  changes: FieldChange[];
}

const blank = (value: string | null | undefined) => !value || value.trim() === "";

/**
 * Adding the zapfloor customer's VAT number (and company number, when Exact has none) to an Exact customer
 * that has no VAT number, when the names agree: the same once normalised, or at least as alike as a name
 * that blocks creating (`similarNameThreshold`). Undefined when the fix does not apply: the account already
 * has a VAT number, is no usable customer, the names differ, or zapfloor's VAT number is not valid.
 */
export function vatFixFor(
  account: ExactAccountSnapshot,
  customer: ZapfloorCustomer,
  threshold = defaultMatchOptions.similarNameThreshold,
): AccountFix | undefined {
  if (account.status !== "C" || account.blocked || !blank(account.vatNumber)) return undefined;
  const options = { country: customer.country };
  if (!normaliseVat(customer.vatNumber, options).valid) return undefined;
  const vat = formatVatForExact(customer.vatNumber, options);
  if (vat === undefined) return undefined;
  const sameName =
    normaliseName(account.name) !== "" && normaliseName(account.name) === normaliseName(customer.name);
  if (!sameName && nameSimilarity(account.name, customer.name) < threshold) return undefined;

  const changes: FieldChange[] = [{ field: "VATNumber", from: null, to: vat }];
  const companyNumber = normaliseCompanyNumber(customer.companyNumber, options).canonical;
  if (companyNumber !== undefined && blank(account.chamberOfCommerce)) {
    // Exact keeps the number as typed in the country's own form: digits without the "BE"/"NL" prefix.
    changes.push({
      field: "ChamberOfCommerce",
      from: account.chamberOfCommerce?.trim() || null,
      to: companyNumber.slice(2),
    });
  }
  return { action: "add_vat_and_link", changes };
}

/**
 * What a hand link does to the Exact account's SearchCode. `set`: it is empty, so it gets the zapfloor number
 * and the link can be found again from Exact alone (as a created customer's is). Otherwise it is left as is:
 * `already_set` (it is the number already), `kept_other` (another value: never overwritten), `too_long` (the
 * number does not fit a SearchCode, and a cut one could not be found again), `taken` (another account carries
 * the number as Code or SearchCode: two would then claim the customer).
 */
export type SearchCodeOnLink =
  | { outcome: "set"; change: FieldChange }
  | { outcome: "already_set" | "kept_other" | "too_long" | "taken" };

export function searchCodeOnLink(
  account: Pick<ExactAccountSnapshot, "searchCode">,
  customerNumber: string,
  options: { maxLength: number; numberTakenElsewhere: boolean },
): SearchCodeOnLink {
  if (!blank(account.searchCode)) {
    return codeMatchKey(account.searchCode) === codeMatchKey(customerNumber)
      ? { outcome: "already_set" }
      : { outcome: "kept_other" };
  }
  if (customerNumber.length > options.maxLength) return { outcome: "too_long" };
  if (options.numberTakenElsewhere) return { outcome: "taken" };
  return { outcome: "set", change: { field: "SearchCode", from: null, to: customerNumber } };
}
