import { normaliseCountry } from "./country";
import {
  checkVatBody,
  type PrefixMatch,
  splitVatPrefix,
  type VatCountryRule,
  vatBodyWellFormed,
  vatRuleForCountry,
} from "./vat-rules";

export type VatReasonCode =
  /** Nothing but blanks and punctuation. */
  | "vat_missing"
  /** No known country prefix, and no country given to assume. */
  | "vat_country_unknown"
  /** The country is known but not one this module reads (EU-27, GB/XI, CH, NO). */
  | "vat_unsupported_country"
  /** The characters do not fit the country's format. */
  | "vat_bad_format"
  /** The format fits but the check digits do not. */
  | "vat_bad_check_digit"
  /** Readable, but for a different country than the one given (informational; may still be valid). */
  | "vat_country_differs";

export interface NormalisedVat {
  /** One spelling per number, e.g. "BE0407186105", "EL094014201", "CHE116281710"; set whenever the format fits. */
  canonical?: string;
  /** ISO 3166-1 alpha-2 of the number's country ("GR" for an EL number, "GB" for XI). */
  country?: string;
  /** Format and check digits are both right. */
  valid: boolean;
  reasons: readonly VatReasonCode[];
}

const NO_REASONS: readonly VatReasonCode[] = Object.freeze([]);
const MISSING: NormalisedVat = Object.freeze({
  valid: false,
  reasons: Object.freeze(["vat_missing"] as const),
});

export interface NormaliseVatOptions {
  /** The customer's or account's country; used when the number was typed without its prefix. */
  country?: string | null;
}

const SEPARATORS = /[\s.,:;\-‐-―_/\\()'"`]+/g;
/** Labels people type in front of the number: "BTW: BE…", "USt-IdNr. DE…", "TVA FR…". */
const LEADING_LABEL = /^(?:USTIDNR|USTID|UST|VAT|BTW|TVA|IVA)(?:NUMMER|NUMBER|NR)?(?=[A-Z0-9])/;

/**
 * Reads a VAT number as people type it (spaces, dots, dashes, lower case, a missing prefix when the
 * country is known, Belgium's old 9-digit form, EL/GR, NL "B01" suffixes) into one canonical form.
 * Never throws: anything wrong is a reason on the result.
 */
export function normaliseVat(
  raw: string | null | undefined,
  options: NormaliseVatOptions = {},
): NormalisedVat {
  const compact = compactVat(raw);
  if (compact === "") return MISSING;
  const givenCountry = normaliseCountry(options.country);
  const typed = splitVatPrefix(compact);

  let result: NormalisedVat;
  if (typed) {
    result = readWith(typed);
    const givenRule = givenCountry === undefined ? undefined : vatRuleForCountry(givenCountry);
    // A French key of two letters can look like another country's prefix: try the given country too.
    if (!result.valid && givenRule && givenRule !== typed.rule) {
      const retry = readWith(withPrefix(givenRule, compact));
      if (retry.valid) result = retry;
    }
  } else if (givenCountry === undefined) {
    return { valid: false, reasons: [/\d/.test(compact) ? "vat_country_unknown" : "vat_bad_format"] };
  } else {
    const givenRule = vatRuleForCountry(givenCountry);
    if (!givenRule) return { country: givenCountry, valid: false, reasons: ["vat_unsupported_country"] };
    result = readWith(withPrefix(givenRule, compact));
  }

  if (givenCountry !== undefined && result.country !== givenCountry) {
    return { ...result, reasons: [...result.reasons, "vat_country_differs"] };
  }
  return result;
}

/**
 * `normaliseVat(raw, options).canonical`, for indexing many numbers: the check digits are computed only
 * where they can change the canonical form (a typed prefix of another country than the given one).
 */
export function canonicalVat(
  raw: string | null | undefined,
  options: NormaliseVatOptions = {},
): string | undefined {
  const compact = compactVat(raw);
  if (compact === "") return undefined;
  const givenCountry = normaliseCountry(options.country);
  const givenRule = givenCountry === undefined ? undefined : vatRuleForCountry(givenCountry);
  const typed = splitVatPrefix(compact);
  if (typed && givenRule && givenRule !== typed.rule) return normaliseVat(raw, options).canonical;
  const read = typed ?? (givenRule && withPrefix(givenRule, compact));
  if (!read) return undefined;
  const repaired = read.rule.repairBody(read.body);
  return vatBodyWellFormed(read.rule, repaired) ? `${read.canonicalPrefix}${repaired}` : undefined;
}

/**
 * The spelling to post to Exact's `VATNumber`: the canonical form, with Norway's "MVA" and Switzerland's
 * "MWST" suffix, e.g. "BE0123456749", "NL123456782B01", "NO923609016MVA". Undefined if unreadable.
 */
export function formatVatForExact(
  raw: string | null | undefined,
  options: NormaliseVatOptions = {},
): string | undefined {
  const { canonical, country } = normaliseVat(raw, options);
  if (canonical === undefined) return undefined;
  if (country === "NO") return `${canonical}MVA`;
  if (country === "CH") return `${canonical}MWST`;
  return canonical;
}

function compactVat(raw: string | null | undefined): string {
  if (!raw) return "";
  const compact = raw.toUpperCase().replace(SEPARATORS, "");
  return compact.replace(LEADING_LABEL, "");
}

function withPrefix(rule: VatCountryRule, body: string): PrefixMatch {
  return { rule, canonicalPrefix: rule.prefix, body };
}

function readWith({ rule, canonicalPrefix, body }: PrefixMatch): NormalisedVat {
  const repaired = rule.repairBody(body);
  const check = checkVatBody(rule, repaired);
  if (!check.wellFormed) return { country: rule.country, valid: false, reasons: ["vat_bad_format"] };
  const canonical = `${canonicalPrefix}${repaired}`;
  if (!check.checkDigitsOk)
    return { canonical, country: rule.country, valid: false, reasons: ["vat_bad_check_digit"] };
  return { canonical, country: rule.country, valid: true, reasons: NO_REASONS };
}
