import { type AccountRecord, padCode, padCountry } from "../entities/accounts/account-record";
import type { DivisionProfile } from "../state/division";
import { amsterdamStartOfDay } from "../util/amsterdam-time";
import { newGuid } from "../util/guid";
import type { Prng } from "../util/prng";
import { companyName, slug, VOCABULARY } from "./company-names";
import { canonicalVatNumber, spellVatNumber } from "./vat-numbers";

const DAY = 86_400_000;

/** Where a division's relations come from, by the division's country. */
const COUNTRY_MIX: Record<string, readonly (readonly [string, number])[]> = {
  NL: [
    ["NL", 72],
    ["BE", 12],
    ["DE", 6],
    ["FR", 4],
    ["GB", 6],
  ],
  BE: [
    ["BE", 66],
    ["NL", 18],
    ["FR", 10],
    ["DE", 3],
    ["GB", 3],
  ],
  FR: [
    ["FR", 75],
    ["BE", 10],
    ["DE", 5],
    ["GB", 5],
    ["NL", 5],
  ],
  DE: [
    ["DE", 75],
    ["NL", 10],
    ["FR", 5],
    ["BE", 5],
    ["GB", 5],
  ],
  GB: [
    ["GB", 80],
    ["NL", 7],
    ["FR", 5],
    ["DE", 5],
    ["BE", 3],
  ],
};

type Role =
  | "customer"
  | "blockedCustomer"
  | "prospect"
  | "suspect"
  | "supplier"
  | "customerAndSupplier"
  | "none";
const ROLES: readonly (readonly [Role, number])[] = [
  ["customer", 66],
  ["blockedCustomer", 3],
  ["customerAndSupplier", 1],
  ["prospect", 9],
  ["suspect", 5],
  ["supplier", 14],
  ["none", 2],
];

/** How a relation's Code is written; the division's own style dominates, migrated relations keep another. */
function codeFor(sequence: number, profile: DivisionProfile, prng: Prng): string {
  const zeroPadded = profile.accountCodeDigits > 0 ? !prng.chance(0.04) : prng.chance(0.04);
  const digits = profile.accountCodeDigits > 0 ? profile.accountCodeDigits : 7;
  return padCode(zeroPadded ? String(sequence).padStart(digits, "0") : String(sequence));
}

function chamberOfCommerce(prng: Prng, country: string, vat: string | null): string | null {
  if (!prng.chance(0.6)) return null;
  switch (country) {
    case "NL":
      return String(prng.int(10_000_000, 99_999_999));
    case "BE":
      return vat ? `${vat.slice(2, 6)}.${vat.slice(6, 9)}.${vat.slice(9)}` : null;
    case "FR":
      return vat ? `${vat.slice(4)}${String(prng.int(1, 99999)).padStart(5, "0")}` : null;
    case "DE":
      return `HRB ${prng.int(1000, 99999)}`;
    default:
      return String(prng.int(1_000_000, 99_999_999)).padStart(8, "0");
  }
}

const SEARCH_CODE_STYLES: readonly (readonly [number, number])[] = [
  [0, 45],
  [1, 25],
  [2, 15],
  [3, 10],
  [4, 5],
];

/** Old Exact versions right-padded SearchCode to 9 characters [S8 fixtures: "ALBEX    "]. */
function searchCode(prng: Prng, site: string, zapfloorNumber: number): string | null {
  switch (prng.weighted(SEARCH_CODE_STYLES)) {
    case 0:
      return null;
    case 1:
      return String(zapfloorNumber);
    case 2:
      return site.slice(0, 9).toUpperCase().padEnd(9, " ");
    case 3:
      return site.slice(0, 12).toUpperCase();
    default:
      return `ZF${zapfloorNumber}`;
  }
}

/**
 * Generates `count` realistic relations for a division: customers (some blocked), prospects, suspects and
 * suppliers from several countries, VAT numbers spelled many ways, VAT groups (branches sharing a number),
 * zero-padded and plain codes, SearchCodes with zapfloor numbers. Deterministic for a PRNG state. Creator,
 * Modifier, StatusSince and CustomerSince are derived when rendered (see account-schema.ts), not stored.
 */
export function generateAccounts(
  prng: Prng,
  profile: DivisionProfile,
  count: number,
  now: number,
): AccountRecord[] {
  const mix = COUNTRY_MIX[profile.country] ?? COUNTRY_MIX.NL!;
  const accounts: AccountRecord[] = [];
  const since = now - 8 * 365 * DAY;
  let sequence = 0;
  let zapfloorNumber = 1000;
  let previousVat: { canonical: string; name: string; country: string } | undefined;

  for (let i = 0; i < count; i++) {
    sequence += prng.chance(0.9) ? 1 : prng.int(2, 6);
    const role = prng.weighted(ROLES);
    const isCustomer = role === "customer" || role === "blockedCustomer" || role === "customerAndSupplier";
    const isSupplier = role === "supplier" || role === "customerAndSupplier";

    // A branch of the previous company: same VAT number, related name (a "VAT group").
    const branch = previousVat !== undefined && prng.chance(0.03);
    const country = branch ? previousVat!.country : prng.weighted(mix);
    const vocabulary = VOCABULARY[country] ?? VOCABULARY.NL!;
    const name = branch
      ? `${previousVat!.name} - ${prng.pick(["Vestiging", "Branch", "Filiaal", "Site"])} ${prng.pick(vocabulary.cities)[0]}`
      : companyName(prng, country);
    const hasVat = branch || prng.chance(role === "prospect" || role === "suspect" ? 0.45 : 0.82);
    const canonical = branch ? previousVat!.canonical : hasVat ? canonicalVatNumber(prng, country) : null;
    const vatNumber = canonical ? (prng.chance(0.04) ? "" : spellVatNumber(prng, canonical)) : null;
    if (canonical && !branch) previousVat = { canonical, name, country };

    const created = since + Math.floor(prng.next() * (now - since - DAY));
    const modified = prng.chance(0.5) ? created : created + Math.floor(prng.next() * (now - created));
    const [city, postcode] = prng.pick(vocabulary.cities);
    const site = slug(name) || "bedrijf";
    const startDate = amsterdamStartOfDay(created);
    const status = isCustomer ? "C" : role === "prospect" ? "P" : role === "suspect" ? "S" : "A";
    if (isCustomer) zapfloorNumber += prng.int(1, 3);

    accounts.push({
      ID: newGuid(prng),
      Division: profile.code,
      Code: codeFor(sequence, profile, prng),
      Name: name,
      Status: status,
      IsSupplier: isSupplier,
      IsSales: role !== "supplier",
      IsPurchase: isSupplier,
      Blocked: role === "blockedCustomer",
      VATNumber: vatNumber,
      SearchCode: isCustomer
        ? searchCode(prng, site, zapfloorNumber)
        : prng.chance(0.2)
          ? site.slice(0, 9).toUpperCase().padEnd(9, " ")
          : null,
      ChamberOfCommerce: chamberOfCommerce(prng, country, canonical),
      Email: prng.chance(0.8)
        ? `${prng.pick(["info", "administratie", "finance", "boekhouding", "accounts", "contact"])}@${site}.${vocabulary.tld}`
        : null,
      Phone: prng.chance(0.7) ? vocabulary.phone(prng) : null,
      Website: prng.chance(0.4) ? `www.${site}.${vocabulary.tld}` : null,
      AddressLine1: `${prng.pick(vocabulary.streets)} ${prng.int(1, 250)}`,
      Postcode: postcode(prng),
      City: city,
      Country: padCountry(country),
      Language: vocabulary.language,
      StartDate: startDate,
      Created: created,
      Modified: modified,
      Timestamp: 0,
    });
  }
  return accounts;
}
