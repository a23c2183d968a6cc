import { describe, expect, it } from "vitest";
import type { DivisionProfile } from "../state/division";
import { createPrng } from "../util/prng";
import { generateAccounts } from "./generate-accounts";
import { canonicalVatNumber } from "./vat-numbers";

const profile: DivisionProfile = {
  code: 7,
  name: "T",
  host: "start.exactonline.nl",
  country: "NL",
  currency: "EUR",
  accountCodeDigits: 0,
  created: 0,
};
const NOW = Date.UTC(2026, 5, 1);
const generate = (seed: number, count: number, p = profile) =>
  generateAccounts(createPrng(seed), p, count, NOW);

function validVat(vat: string): boolean {
  const country = vat.slice(0, 2);
  const digits = vat.slice(2);
  switch (country) {
    case "NL": {
      const d = digits.slice(0, 9);
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
      return (sum - Number(d[8])) % 11 === 0 && /^\d{9}B\d{2}$/.test(digits);
    }
    case "BE":
      return !digits.startsWith("00") && 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
    case "FR":
      return (12 + 3 * (Number(digits.slice(2)) % 97)) % 97 === Number(digits.slice(0, 2));
    case "GB": {
      let sum = 0;
      for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
      return (sum + Number(digits.slice(7))) % 97 === 0;
    }
    case "DE": {
      let product = 10;
      for (const ch of digits.slice(0, 8)) {
        let s = (Number(ch) + product) % 10;
        if (s === 0) s = 10;
        product = (2 * s) % 11;
      }
      return (11 - product) % 10 === Number(digits[8]);
    }
    default:
      return false;
  }
}

describe("generated divisions", () => {
  it("are deterministic for a seed", () => {
    expect(generate(11, 50)).toEqual(generate(11, 50));
    expect(generate(11, 50)[0]!.ID).not.toBe(generate(12, 50)[0]!.ID);
  });

  it("produce VAT numbers with valid check digits for every country", () => {
    const prng = createPrng(5);
    for (const country of ["NL", "BE", "FR", "DE", "GB"]) {
      for (let i = 0; i < 200; i++) {
        const vat = canonicalVatNumber(prng, country);
        expect(validVat(vat), vat).toBe(true);
      }
    }
    // Known real numbers from the fixtures pass the same checks.
    expect(validVat("NL007225994B01")).toBe(true);
    expect(validVat("BE0407186105")).toBe(true);
  });

  it("mix customers, prospects, suspects and suppliers, blocked accounts, VAT spellings and groups, code styles", () => {
    const accounts = generate(3, 5000);
    const share = (test: (a: (typeof accounts)[number]) => boolean) =>
      accounts.filter(test).length / accounts.length;
    expect(share((a) => a.Status === "C")).toBeGreaterThan(0.6);
    expect(share((a) => a.Status === "C")).toBeLessThan(0.8);
    expect(share((a) => a.Status === "P")).toBeGreaterThan(0.03);
    expect(share((a) => a.Status === "S")).toBeGreaterThan(0.01);
    expect(share((a) => a.IsSupplier === true && a.Status === "A")).toBeGreaterThan(0.05);
    expect(share((a) => a.Blocked === true)).toBeGreaterThan(0.005);
    const vats = accounts.map((a) => a.VATNumber as string | null).filter((v): v is string => !!v);
    expect(vats.some((v) => /^nl\d{9}b\d{2}$/.test(v))).toBe(true);
    expect(vats.some((v) => /^\d{9}B\d{2}$/.test(v))).toBe(true);
    expect(vats.some((v) => /^BE \d{4}\.\d{3}\.\d{3}$/.test(v))).toBe(true);
    expect(accounts.some((a) => a.VATNumber === "")).toBe(true);
    const counts = new Map<string, number>();
    for (const v of vats) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.values()].some((n) => n > 1)).toBe(true);
    expect(accounts.every((a) => a.Code.length === 18)).toBe(true);
    expect(accounts.some((a) => /^ +0\d+$/.test(a.Code))).toBe(true);
    expect(accounts.some((a) => /^ +[1-9]\d*$/.test(a.Code))).toBe(true);
    expect(new Set(accounts.map((a) => a.Code)).size).toBe(accounts.length);
    expect(accounts.some((a) => typeof a.SearchCode === "string" && /^\d{4,}$/.test(a.SearchCode))).toBe(
      true,
    );
    expect(
      accounts.some(
        (a) => typeof a.SearchCode === "string" && /^\S+ +$/.test(a.SearchCode) && a.SearchCode.length === 9,
      ),
    ).toBe(true);
    expect(new Set(accounts.map((a) => (a.Country as string).trim())).size).toBeGreaterThanOrEqual(4);
  });

  it("keep IDs and codes unique at size (100,000 is measured by the seed benchmark)", () => {
    const accounts = generate(1, 10_000, { ...profile, accountCodeDigits: 7 });
    expect(new Set(accounts.map((a) => a.ID)).size).toBe(10_000);
    expect(new Set(accounts.map((a) => a.Code)).size).toBe(10_000);
  });
});
