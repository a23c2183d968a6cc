// The only module that knows jsvat: formats and check digits per country come from it, and the few
// gaps it leaves are filled here, each in one clearly named place.
import {
  austria,
  belgium,
  bulgaria,
  type Country,
  croatia,
  cyprus,
  czechRepublic,
  denmark,
  estonia,
  finland,
  france,
  germany,
  greece,
  hungary,
  ireland,
  italy,
  latvia,
  lithuania,
  luxembourg,
  malta,
  netherlands,
  norway,
  poland,
  portugal,
  romania,
  slovakiaRepublic,
  slovenia,
  spain,
  sweden,
  switzerland,
  unitedKingdom,
} from "jsvat";

export interface VatCountryRule {
  /** ISO 3166-1 alpha-2 of the country. */
  country: string;
  /** The prefix a canonical VAT number starts with: "EL" for Greece, "CHE" for Switzerland. */
  prefix: string;
  /** Turns the part after the prefix into the shape the country's format expects, fixing common spellings. */
  repairBody(body: string): string;
  jsvatCountry: Country;
}

export interface VatCheck {
  wellFormed: boolean;
  checkDigitsOk: boolean;
}

const asIs = (body: string) => body;

/**
 * jsvat 2.5.4 only knows Belgian numbers starting with 0 (its pattern is `0?\d{9}`); numbers starting with 1
 * are issued since the 0-range ran out and use the same mod-97 check.
 */
const belgiumWithOneRange: Country = {
  ...belgium,
  calcFn: (digits: string) =>
    digits.startsWith("1")
      ? 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8))
      : belgium.calcFn(digits),
  rules: { ...belgium.rules, regex: [/^(BE)([01]\d{9})$/] },
};

const rules: readonly VatCountryRule[] = [
  {
    country: "AT",
    prefix: "AT",
    jsvatCountry: austria,
    repairBody: (body) => (/^\d{8}$/.test(body) ? `U${body}` : body),
  },
  // The old 9-digit form is the 10-digit enterprise number without its leading 0.
  {
    country: "BE",
    prefix: "BE",
    jsvatCountry: belgiumWithOneRange,
    repairBody: (b) => (/^\d{9}$/.test(b) ? `0${b}` : b),
  },
  { country: "BG", prefix: "BG", jsvatCountry: bulgaria, repairBody: asIs },
  { country: "HR", prefix: "HR", jsvatCountry: croatia, repairBody: asIs },
  { country: "CY", prefix: "CY", jsvatCountry: cyprus, repairBody: asIs },
  { country: "CZ", prefix: "CZ", jsvatCountry: czechRepublic, repairBody: asIs },
  { country: "DK", prefix: "DK", jsvatCountry: denmark, repairBody: asIs },
  { country: "EE", prefix: "EE", jsvatCountry: estonia, repairBody: asIs },
  { country: "FI", prefix: "FI", jsvatCountry: finland, repairBody: asIs },
  { country: "FR", prefix: "FR", jsvatCountry: france, repairBody: asIs },
  { country: "DE", prefix: "DE", jsvatCountry: germany, repairBody: asIs },
  // Greek numbers of 8 digits predate the 9-digit AFM and take a leading 0.
  { country: "GR", prefix: "EL", jsvatCountry: greece, repairBody: (b) => (/^\d{8}$/.test(b) ? `0${b}` : b) },
  { country: "HU", prefix: "HU", jsvatCountry: hungary, repairBody: asIs },
  { country: "IE", prefix: "IE", jsvatCountry: ireland, repairBody: asIs },
  { country: "IT", prefix: "IT", jsvatCountry: italy, repairBody: asIs },
  { country: "LV", prefix: "LV", jsvatCountry: latvia, repairBody: asIs },
  { country: "LT", prefix: "LT", jsvatCountry: lithuania, repairBody: asIs },
  { country: "LU", prefix: "LU", jsvatCountry: luxembourg, repairBody: asIs },
  { country: "MT", prefix: "MT", jsvatCountry: malta, repairBody: asIs },
  // A letter O typed for the zero in the "B01" suffix is a common slip.
  {
    country: "NL",
    prefix: "NL",
    jsvatCountry: netherlands,
    repairBody: (b) => b.replace(/^(\d{9})BO(\d)$/, "$1B0$2"),
  },
  { country: "PL", prefix: "PL", jsvatCountry: poland, repairBody: asIs },
  { country: "PT", prefix: "PT", jsvatCountry: portugal, repairBody: asIs },
  { country: "RO", prefix: "RO", jsvatCountry: romania, repairBody: asIs },
  { country: "SK", prefix: "SK", jsvatCountry: slovakiaRepublic, repairBody: asIs },
  { country: "SI", prefix: "SI", jsvatCountry: slovenia, repairBody: asIs },
  { country: "ES", prefix: "ES", jsvatCountry: spain, repairBody: asIs },
  { country: "SE", prefix: "SE", jsvatCountry: sweden, repairBody: asIs },
  { country: "GB", prefix: "GB", jsvatCountry: unitedKingdom, repairBody: asIs },
  // The suffix names the tax in the local language (MWST, TVA, IVA); the number is the UID.
  {
    country: "CH",
    prefix: "CHE",
    jsvatCountry: switzerland,
    repairBody: (b) => b.replace(/(MWST|TVA|IVA)$/, ""),
  },
  // "MVA" marks a Norwegian organisation number registered for VAT.
  { country: "NO", prefix: "NO", jsvatCountry: norway, repairBody: (b) => b.replace(/MVA$/, "") },
];

const ruleByCountry = new Map(rules.map((rule) => [rule.country, rule]));

export function vatRuleForCountry(country: string): VatCountryRule | undefined {
  return ruleByCountry.get(country);
}

/**
 * Prefixes as typed: each canonical prefix, plus "GR" for Greece, "CH" for Switzerland, "UK" for the
 * United Kingdom, and "XI" (Northern Ireland: a UK number under the Protocol, kept as XI when canonical).
 */
const typedPrefixes = new Map<string, { rule: VatCountryRule; keepAs: string }>([
  ...rules.map((rule) => [rule.prefix, { rule, keepAs: rule.prefix }] as const),
  ["GR", { rule: ruleByCountry.get("GR")!, keepAs: "EL" }],
  ["CH", { rule: ruleByCountry.get("CH")!, keepAs: "CHE" }],
  ["UK", { rule: ruleByCountry.get("GB")!, keepAs: "GB" }],
  ["XI", { rule: ruleByCountry.get("GB")!, keepAs: "XI" }],
]);

export interface PrefixMatch {
  rule: VatCountryRule;
  /** The prefix the canonical form carries. */
  canonicalPrefix: string;
  body: string;
}

const threeLetterPrefixes = [...typedPrefixes.keys()].filter((prefix) => prefix.length === 3);

/** Splits a compacted VAT number into its recognised country prefix and the rest; "CHE" wins over "CH". */
export function splitVatPrefix(compact: string): PrefixMatch | undefined {
  let length = 2;
  for (const prefix of threeLetterPrefixes) if (compact.startsWith(prefix)) length = 3;
  const typed = typedPrefixes.get(compact.slice(0, length));
  return typed && { rule: typed.rule, canonicalPrefix: typed.keepAs, body: compact.slice(length) };
}

const MALFORMED: VatCheck = Object.freeze({ wellFormed: false, checkDigitsOk: false });
const CHECK_DIGITS_OK: VatCheck = Object.freeze({ wellFormed: true, checkDigitsOk: true });
const CHECK_DIGITS_WRONG: VatCheck = Object.freeze({ wellFormed: true, checkDigitsOk: false });

/**
 * Format and check digits of `body` under `rule`, by jsvat's own per-country patterns and check-digit
 * functions, applied as its `checkVAT` applies them (pattern group 2 goes to `calcFn`) without the
 * generic lookup around them, which costs more than the check itself on a large division.
 */
export function checkVatBody(rule: VatCountryRule, body: string): VatCheck {
  const input = jsvatInput(rule, body);
  for (const pattern of rule.jsvatCountry.rules.regex) {
    const match = pattern.exec(input);
    if (match?.[2] !== undefined)
      return rule.jsvatCountry.calcFn(match[2]) ? CHECK_DIGITS_OK : CHECK_DIGITS_WRONG;
  }
  return MALFORMED;
}

/** `checkVatBody(rule, body).wellFormed` without the check digits (every jsvat pattern captures group 2). */
export function vatBodyWellFormed(rule: VatCountryRule, body: string): boolean {
  const input = jsvatInput(rule, body);
  return rule.jsvatCountry.rules.regex.some((pattern) => pattern.test(input));
}

function jsvatInput(rule: VatCountryRule, body: string): string {
  return `${rule.country === "GB" ? "GB" : rule.prefix}${body}`;
}
