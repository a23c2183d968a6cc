// Deterministic, realistic-looking data for the matching benchmark: one Exact division's accounts and
// the zapfloor customers of one operator, with the spelling noise and edge cases the decision table handles.

import type { ExactAccountSnapshot, ZapfloorCustomer } from "../src/matching/types";
import { normaliseVat } from "../src/matching/vat";
import { seededRandom } from "../src/seeded-random";

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
const chance = (random: Random, probability: number) => random() < probability;

const SYLLABLES =
  "ba be bo da de di ka ke ko la le li lo ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zo".split(
    " ",
  );
const TRADES = [
  "Bouw",
  "Consulting",
  "Bakkerij",
  "Services",
  "Group",
  "Invest",
  "Design",
  "Logistics",
  "Café",
  "Studio",
  "Media",
  "Techniek",
];
const LEGAL_FORMS: Record<string, readonly string[]> = {
  BE: ["NV", "BV", "BVBA", "SRL", "SA", "VZW", "CommV"],
  NL: ["B.V.", "BV", "N.V.", "V.O.F.", "Stichting"],
  DE: ["GmbH", "AG", "GmbH & Co. KG", "UG"],
  FR: ["SARL", "SAS", "SA", "EURL"],
  GB: ["Ltd", "Ltd.", "PLC", "LLP"],
};
const COUNTRIES = ["BE", "BE", "BE", "BE", "NL", "NL", "NL", "NL", "DE", "FR", "GB"] as const;

function companyWord(random: Random): string {
  const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, SYLLABLES)).join("");
  return word[0]!.toUpperCase() + word.slice(1);
}

function companyName(random: Random, country: string): string {
  const words = Array.from({ length: 1 + Math.floor(random() * 2) }, () => companyWord(random));
  if (chance(random, 0.5)) words.push(pick(random, TRADES));
  if (chance(random, 0.8)) words.push(pick(random, LEGAL_FORMS[country] ?? ["Ltd"]));
  return words.join(" ");
}

function vatCandidate(random: Random, country: string): string {
  switch (country) {
    case "BE": {
      const front = `0${1 + Math.floor(random() * 9)}${digits(random, 6)}`;
      return `BE${front}${String(97 - (Number(front) % 97)).padStart(2, "0")}`;
    }
    case "NL": {
      const front = digits(random, 8);
      const check = [...front].reduce((sum, digit, i) => sum + Number(digit) * (9 - i), 0) % 11;
      return `NL${front}${check}B0${1 + Math.floor(random() * 2)}`;
    }
    case "DE": {
      const front = `${1 + Math.floor(random() * 9)}${digits(random, 7)}`;
      let product = 10;
      for (const digit of front) {
        const sum = (Number(digit) + product) % 10 || 10;
        product = (2 * sum) % 11;
      }
      return `DE${front}${(11 - product) % 10}`;
    }
    case "FR": {
      const siren = `${1 + Math.floor(random() * 9)}${digits(random, 8)}`;
      const key = (12 + 3 * (Number(siren) % 97)) % 97;
      return `FR${String(key).padStart(2, "0")}${siren}`;
    }
    default: {
      const front = String(1_000_000 + Math.floor(random() * 8_000_000));
      const total = [...front].reduce((sum, digit, i) => sum + Number(digit) * (8 - i), 0);
      return `GB${front}${String((97 - (total % 97)) % 97).padStart(2, "0")}`;
    }
  }
}

/** A VAT number with valid check digits; the few formulas that miss are retried until jsvat agrees. */
function validVat(random: Random, country: string): string {
  for (;;) {
    const candidate = vatCandidate(random, country);
    if (normaliseVat(candidate).valid) return candidate;
  }
}

/** The VAT number as a person might have typed it. */
function misspellVat(random: Random, canonical: string): string {
  const prefix = canonical.slice(0, 2);
  let body = canonical.slice(2);
  if (prefix === "BE" && chance(random, 0.2)) body = body.slice(1);
  const roll = random();
  if (roll < 0.3) body = body.replace(/(\d{3})(?=\d)/g, "$1.");
  else if (roll < 0.5) body = body.replace(/(\d{2})(?=\d)/g, "$1 ");
  const withPrefix = chance(random, 0.15) ? body : `${prefix} ${body}`;
  return chance(random, 0.1) ? withPrefix.toLowerCase() : withPrefix;
}

function misspellName(random: Random, name: string): string {
  const roll = random();
  if (roll < 0.3) return name.toUpperCase();
  if (roll < 0.5) return name.replace(/\s+\S+$/, "");
  if (roll < 0.6) return name.replace(/a/, "aa");
  return name;
}

function guid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface Division {
  accounts: ExactAccountSnapshot[];
  customers: ZapfloorCustomer[];
  /** (zapfloor customer number, Exact account id) */
  links: [string, string][];
}

/**
 * `accountCount` accounts and `customerCount` customers. Each customer is one of: linked; its account
 * carries the number as Code or SearchCode; same VAT spelled differently; a VAT shared by two accounts;
 * only a prospect; number and VAT pointing apart; linked to a deleted account; new (some with a
 * look-alike name in Exact).
 */
export function generateDivision(seed: number, accountCount: number, customerCount: number): Division {
  const random = seededRandom(seed);
  const accounts: ExactAccountSnapshot[] = [];
  const customers: ZapfloorCustomer[] = [];
  const links: [string, string][] = [];

  const newAccount = (fields: Partial<ExactAccountSnapshot> = {}): ExactAccountSnapshot => {
    const country = pick(random, COUNTRIES);
    const vat = chance(random, 0.8) ? validVat(random, country) : null;
    const status = pick(random, ["C", "C", "C", "C", "C", "C", "C", "C", "P", "S", "A"] as const);
    const account: ExactAccountSnapshot = {
      id: guid(random),
      code: String(200_000 + accounts.length)
        .padStart(7, "0")
        .padStart(18, " "),
      searchCode: chance(random, 0.3) ? companyWord(random).toUpperCase().slice(0, 9).padEnd(9, " ") : null,
      name: companyName(random, country),
      vatNumber: vat === null ? null : misspellVat(random, vat),
      chamberOfCommerce:
        country === "NL" && chance(random, 0.5)
          ? digits(random, 8)
          : country === "BE" && vat && chance(random, 0.3)
            ? vat.slice(2)
            : null,
      status,
      isSupplier: status === "A" || chance(random, 0.05),
      isSales: status !== "A",
      blocked: chance(random, 0.02),
      country: `${country} `,
      ...fields,
    };
    accounts.push(account);
    return account;
  };

  const customerFrom = (
    number: string,
    account: ExactAccountSnapshot,
    withVat: boolean,
  ): ZapfloorCustomer => {
    const country = account.country?.trim() ?? "BE";
    const canonical = normaliseVat(account.vatNumber, { country }).canonical;
    return {
      number,
      name: misspellName(random, account.name),
      vatNumber: withVat && canonical ? misspellVat(random, canonical) : null,
      country,
      email: null,
    };
  };

  for (let n = 0; n < customerCount; n++) {
    const number = String(1000 + n);
    const roll = random();
    if (roll < 0.3) {
      const account = newAccount({ searchCode: number, status: "C", blocked: false });
      customers.push(customerFrom(number, account, true));
      links.push([number, account.id]);
    } else if (roll < 0.4) {
      const account = newAccount({ code: number.padStart(18, " "), status: "C", blocked: false });
      customers.push(customerFrom(number, account, chance(random, 0.5)));
    } else if (roll < 0.65) {
      const account = newAccount({ status: "C", blocked: false });
      customers.push(customerFrom(number, account, true));
    } else if (roll < 0.68) {
      const first = newAccount({ status: "C", blocked: false });
      newAccount({ vatNumber: first.vatNumber, country: first.country, status: "C", blocked: false });
      customers.push(customerFrom(number, first, true));
    } else if (roll < 0.71) {
      const account = newAccount({ status: "P", blocked: false });
      customers.push(customerFrom(number, account, true));
    } else if (roll < 0.73) {
      const byNumber = newAccount({ searchCode: number, status: "C", blocked: false });
      const byVat = newAccount({ status: "C", blocked: false });
      customers.push({ ...customerFrom(number, byVat, true), name: byNumber.name });
    } else if (roll < 0.75) {
      const country = pick(random, COUNTRIES);
      customers.push({
        number,
        name: companyName(random, country),
        vatNumber: validVat(random, country),
        country,
      });
      links.push([number, guid(random)]);
    } else {
      const country = pick(random, COUNTRIES);
      const lookAlike = chance(random, 0.2) ? newAccount({ vatNumber: null }) : undefined;
      const name = lookAlike ? misspellName(random, lookAlike.name) : companyName(random, country);
      customers.push({
        number,
        name,
        vatNumber: chance(random, 0.7) ? validVat(random, country) : null,
        country,
      });
    }
  }
  while (accounts.length < accountCount) newAccount();

  // Accounts made for customers come first; spread them through the division as in real data.
  for (let i = accounts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [accounts[i], accounts[j]] = [accounts[j]!, accounts[i]!];
  }
  // Rows reach the index as parsed from the database: plain objects and flat strings, not the
  // concatenated strings built above (which the engine would flatten on first use, inside the timing).
  return JSON.parse(JSON.stringify({ accounts, customers, links })) as Division;
}
