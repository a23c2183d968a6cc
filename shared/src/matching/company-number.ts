import { normaliseCountry } from "./country";
import { normaliseVat } from "./vat";

export type CompanyNumberReasonCode =
  | "company_number_missing"
  | "company_number_country_unknown"
  | "company_number_unsupported_country"
  | "company_number_bad_format"
  | "company_number_bad_check_digit";

export interface NormalisedCompanyNumber {
  /** Country prefix plus digits: "BE0407186105" (KBO/BCE), "NL12345678" (KvK). Set whenever the format fits. */
  canonical?: string;
  country?: string;
  valid: boolean;
  reasons: CompanyNumberReasonCode[];
}

export interface NormaliseCompanyNumberOptions {
  country?: string | null;
}

const NOISE = /[\s.,:;\-‐-―_/\\()'"`]+/g;
const LEADING_LABEL = /^(?:KVKNUMMER|KVKNR|KVK|KBONUMMER|KBONR|KBO|BCE|ONDERNEMINGSNUMMER|RPR|RPM)/;
const KVK = /^\d{8}$/;
/** KvK number plus a 4-digit sub-file number, as older Exact data holds it ("244773190000") [S8 fixtures]. */
const KVK_WITH_SUB_FILE = /^(\d{8})\d{4}$/;

/**
 * Reads a Belgian enterprise number (KBO/BCE: 10 digits, the VAT number's digits, mod-97 check) or a
 * Dutch KvK number (8 digits, no check digit; a 4-digit sub-file suffix is dropped). The country comes
 * from a "BE"/"NL" prefix, else from the option, else from the shape (8 or 12 digits → NL, 9–10 digits
 * → BE). Never throws.
 */
export function normaliseCompanyNumber(
  raw: string | null | undefined,
  options: NormaliseCompanyNumberOptions = {},
): NormalisedCompanyNumber {
  let compact = raw ? raw.toUpperCase().replace(NOISE, "").replace(LEADING_LABEL, "") : "";
  if (compact === "") return { valid: false, reasons: ["company_number_missing"] };

  let country = normaliseCountry(options.country);
  const typedPrefix = compact.slice(0, 2);
  if (typedPrefix === "BE" || typedPrefix === "NL") {
    country = typedPrefix;
    compact = compact.slice(2);
  } else if (country === undefined) {
    country = guessCountry(compact);
    if (country === undefined) return { valid: false, reasons: ["company_number_country_unknown"] };
  }

  if (country === "BE") return readEnterpriseNumber(compact);
  if (country === "NL") return readKvkNumber(compact);
  return { country, valid: false, reasons: ["company_number_unsupported_country"] };
}

function guessCountry(compact: string): string | undefined {
  if (KVK.test(compact) || KVK_WITH_SUB_FILE.test(compact)) return "NL";
  if (/^\d{9,10}$/.test(compact)) return "BE";
  return undefined;
}

function readEnterpriseNumber(digits: string): NormalisedCompanyNumber {
  // The enterprise number is the Belgian VAT number without "BE"; one reader serves both.
  if (!/^\d{9,10}$/.test(digits))
    return { country: "BE", valid: false, reasons: ["company_number_bad_format"] };
  const vat = normaliseVat(`BE${digits}`);
  if (vat.canonical === undefined)
    return { country: "BE", valid: false, reasons: ["company_number_bad_format"] };
  if (!vat.valid)
    return {
      canonical: vat.canonical,
      country: "BE",
      valid: false,
      reasons: ["company_number_bad_check_digit"],
    };
  return { canonical: vat.canonical, country: "BE", valid: true, reasons: [] };
}

function readKvkNumber(digits: string): NormalisedCompanyNumber {
  const kvk = KVK.test(digits) ? digits : KVK_WITH_SUB_FILE.exec(digits)?.[1];
  if (kvk === undefined) return { country: "NL", valid: false, reasons: ["company_number_bad_format"] };
  return { canonical: `NL${kvk}`, country: "NL", valid: true, reasons: [] };
}

/** The enterprise number hidden in a Belgian VAT number ("BE0407186105" → "BE0407186105"), else undefined. */
export function companyNumberFromVat(canonicalVat: string | undefined): string | undefined {
  return canonicalVat?.startsWith("BE") ? canonicalVat : undefined;
}
