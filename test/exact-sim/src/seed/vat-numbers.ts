import type { Prng } from "../util/prng";

const digits = (prng: Prng, n: number) => String(prng.int(0, 10 ** n - 1)).padStart(n, "0");

/** NL B01 number: 9 digits passing the 11-test (weights 9..2, last digit −1), then `B` and 2 digits. */
function dutch(prng: Prng): string {
  for (;;) {
    const body = digits(prng, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (9 - i);
    const check = sum % 11;
    if (check === 10 || body[0] === "0") continue;
    return `NL${body}${check}B${String(prng.int(1, 19)).padStart(2, "0")}`;
  }
}

/**
 * BE enterprise number: 10 digits starting 0 or 1; the last two are 97 − (first eight mod 97). The 0-range
 * starts at 0200…, so a second digit 0 (never issued, refused by VAT checks) is read as a 1.
 */
function belgian(prng: Prng): string {
  const drawn = `${prng.chance(0.8) ? "0" : "1"}${digits(prng, 7)}`;
  const body = drawn.startsWith("00") ? `01${drawn.slice(2)}` : drawn;
  const check = 97 - (Number(body) % 97);
  return `BE${body}${String(check).padStart(2, "0")}`;
}

/** FR: key = (12 + 3 × (SIREN mod 97)) mod 97 before a Luhn-valid 9-digit SIREN. */
function french(prng: Prng): string {
  const partial = digits(prng, 8);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let d = Number(partial[7 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const siren = `${partial}${(10 - (sum % 10)) % 10}`;
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}

/** DE: 8 digits plus an ISO 7064 MOD 11,10 check digit. */
function german(prng: Prng): string {
  const body = `${prng.int(1, 9)}${digits(prng, 7)}`;
  let product = 10;
  for (const ch of body) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return `DE${body}${check}`;
}

/** GB: 7 digits weighted 8..2 plus two check digits making the total divisible by 97. */
function british(prng: Prng): string {
  const body = `${prng.int(1, 9)}${digits(prng, 6)}`;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(body[i]) * (8 - i);
  const check = (97 - (sum % 97)) % 97;
  return `GB${body}${String(check).padStart(2, "0")}`;
}

const GENERATORS: Record<string, (prng: Prng) => string> = {
  NL: dutch,
  BE: belgian,
  FR: french,
  DE: german,
  GB: british,
};

/** A valid VAT number in canonical form (`NL123456782B01`, `BE0123456749`, …). */
export function canonicalVatNumber(prng: Prng, country: string): string {
  return (GENERATORS[country] ?? dutch)(prng);
}

const SPELLINGS: readonly (readonly [string, number])[] = [
  ["canonical", 55],
  ["lower", 6],
  ["spaced", 10],
  ["noPrefix", 12],
  ["dotted", 10],
  ["prefixSpace", 7],
];

/**
 * The same VAT number as a bookkeeper might have typed it: Exact stores VATNumber as free text
 * [exact-online-api.md §9 pitfall 16], so variants with spaces, dots, lower case or no prefix are common.
 */
export function spellVatNumber(prng: Prng, canonical: string): string {
  const country = canonical.slice(0, 2);
  const rest = canonical.slice(2);
  switch (prng.weighted(SPELLINGS)) {
    case "lower":
      return canonical.toLowerCase();
    case "spaced":
      return country === "NL"
        ? `NL ${rest.slice(0, 9)} ${rest.slice(9)}`
        : `${country} ${rest.replace(/(\d{3})(?=\d)/g, "$1 ")}`;
    case "noPrefix":
      return rest;
    case "dotted":
      if (country === "BE") return `BE ${rest.slice(0, 4)}.${rest.slice(4, 7)}.${rest.slice(7)}`;
      if (country === "NL")
        return `NL${rest.slice(0, 4)}.${rest.slice(4, 6)}.${rest.slice(6, 9)}.${rest.slice(9)}`;
      return `${country}-${rest}`;
    case "prefixSpace":
      // Belgian numbers also circulate in the old 9-digit form without the leading 0.
      if (country === "BE" && rest.startsWith("0")) return `BE ${rest.slice(1)}`;
      return `${country} ${rest}`;
    default:
      return canonical;
  }
}
