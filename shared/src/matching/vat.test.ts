import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalVat, formatVatForExact, normaliseVat, type VatReasonCode } from "./vat";

interface Spelling {
  typed: string;
  country?: string;
  canonical: string;
  note?: string;
}

/** VAT numbers of real companies (and Exact's own fixtures), typed the ways people type them. */
const readable: Spelling[] = [
  { typed: "BE 0407.186.105", canonical: "BE0407186105" },
  { typed: "be0407186105", canonical: "BE0407186105" },
  { typed: "BE 407.186.105", canonical: "BE0407186105", note: "Belgium's old 9-digit form" },
  { typed: "0407 186 105", country: "BE", canonical: "BE0407186105" },
  { typed: "BE-0407-186-105", canonical: "BE0407186105" },
  { typed: "BTW BE 0407.186.105", canonical: "BE0407186105" },
  { typed: "BE (0)407.186.105", canonical: "BE0407186105" },
  {
    typed: "BE 1234.567.894",
    canonical: "BE1234567894",
    note: "an enterprise number from the newer 1-range",
  },
  { typed: "NL007225994B01", canonical: "NL007225994B01" },
  { typed: "NL 0072.25.994.B.01", canonical: "NL007225994B01" },
  { typed: "nl007225994b01", canonical: "NL007225994B01" },
  { typed: "007225994B01", country: "NL", canonical: "NL007225994B01" },
  { typed: "NL007225994BO1", canonical: "NL007225994B01", note: "a letter O in the B01 suffix" },
  { typed: "NL000099998B57", canonical: "NL000099998B57", note: "a sole proprietor's mod-97 number" },
  { typed: "DE 129 273 398", canonical: "DE129273398" },
  { typed: "USt-IdNr.: DE129273398", canonical: "DE129273398" },
  { typed: "129273398", country: "DE", canonical: "DE129273398" },
  { typed: "FR 40 303 265 045", canonical: "FR40303265045" },
  { typed: "40303265045", country: "FR", canonical: "FR40303265045" },
  { typed: "ATU13585627", canonical: "ATU13585627" },
  { typed: "AT U 135 856 27", canonical: "ATU13585627" },
  { typed: "13585627", country: "AT", canonical: "ATU13585627", note: "the U added" },
  { typed: "EL094014201", canonical: "EL094014201" },
  { typed: "GR 094014201", canonical: "EL094014201", note: "GR written for Greece" },
  { typed: "094014201", country: "GR", canonical: "EL094014201" },
  { typed: "GB 980 7806 84", canonical: "GB980780684" },
  { typed: "UK980780684", canonical: "GB980780684" },
  { typed: "XI 980 7806 84", canonical: "XI980780684", note: "Northern Ireland" },
  { typed: "CHE-116.281.710 MWST", canonical: "CHE116281710" },
  { typed: "CHE-116.281.710 TVA", canonical: "CHE116281710" },
  { typed: "116.281.710", country: "CH", canonical: "CHE116281710" },
  { typed: "NO 923 609 016 MVA", canonical: "NO923609016" },
  { typed: "923609016", country: "NO", canonical: "NO923609016" },
  { typed: "IE6388047V", canonical: "IE6388047V" },
  { typed: "ie 6388047v", canonical: "IE6388047V" },
  { typed: "LU 2637 5245", canonical: "LU26375245" },
  { typed: "ES A28015865", canonical: "ESA28015865" },
  { typed: "A-28015865", country: "ES", canonical: "ESA28015865" },
  { typed: "DK 13 58 56 28", canonical: "DK13585628" },
  { typed: "SE 5567 0374 8501", canonical: "SE556703748501" },
  { typed: "FI 2077 4740", canonical: "FI20774740" },
  { typed: "PL 526-025-02-74", canonical: "PL5260250274" },
  { typed: "PT 501 442 600", canonical: "PT501442600" },
  { typed: "IT 00743110157", canonical: "IT00743110157" },
  { typed: "CZ 25123891", canonical: "CZ25123891" },
  { typed: "SK 2020317068", canonical: "SK2020317068" },
  { typed: "SI 50223054", canonical: "SI50223054" },
  { typed: "HU 12892312", canonical: "HU12892312" },
  { typed: "HR 33392005961", canonical: "HR33392005961" },
  { typed: "RO 18547290", canonical: "RO18547290" },
  { typed: "BG 175 074 752", canonical: "BG175074752" },
  { typed: "EE 100 247 019", canonical: "EE100247019" },
  { typed: "LV 400 0352 1600", canonical: "LV40003521600" },
  { typed: "LT 119511515", canonical: "LT119511515" },
  { typed: "CY 10259033P", canonical: "CY10259033P" },
  { typed: "MT 1167 9112", canonical: "MT11679112" },
];

interface Refusal {
  typed: string;
  country?: string;
  reason: VatReasonCode;
  canonical?: string;
}

const refused: Refusal[] = [
  { typed: "BE0407186106", reason: "vat_bad_check_digit", canonical: "BE0407186106" },
  { typed: "NL007225995B01", reason: "vat_bad_check_digit", canonical: "NL007225995B01" },
  { typed: "GB123456789", reason: "vat_bad_check_digit", canonical: "GB123456789" },
  { typed: "EL094014202", reason: "vat_bad_check_digit", canonical: "EL094014202" },
  { typed: "CHE-116.281.711", reason: "vat_bad_check_digit", canonical: "CHE116281711" },
  { typed: "NL007225994", reason: "vat_bad_format" },
  { typed: "DE12927339", reason: "vat_bad_format" },
  { typed: "BE 2407.186.105", reason: "vat_bad_format" },
  { typed: "n.v.t.", country: "NL", reason: "vat_bad_format" },
  { typed: "0407186105", reason: "vat_country_unknown" },
  { typed: "12-3456789", country: "US", reason: "vat_unsupported_country" },
  { typed: "", reason: "vat_missing" },
  { typed: " - ", reason: "vat_missing" },
];

const sentence = ({ typed, country, canonical, note }: Spelling) =>
  `${JSON.stringify(typed)}${country ? ` for a customer in ${country}` : ""} reads as ${canonical}${note ? ` (${note})` : ""}`;

const refusalSentence = ({ typed, country, reason }: Refusal) =>
  `${JSON.stringify(typed)}${country ? ` for a customer in ${country}` : ""} is refused with ${reason}`;

describe("normaliseVat", () => {
  it("covers at least 40 real-world spellings across the EU, GB, CH and NO", () => {
    expect(readable.length + refused.length).toBeGreaterThanOrEqual(40);
    const countries = new Set(readable.map((spelling) => normaliseVat(spelling.typed, spelling).country));
    expect(countries.size).toBeGreaterThanOrEqual(30);
  });

  it.each(readable.map((spelling) => [sentence(spelling), spelling] as const))(
    "%s",
    (_sentence, spelling) => {
      expect(normaliseVat(spelling.typed, { country: spelling.country })).toEqual({
        canonical: spelling.canonical,
        country: expect.any(String),
        valid: true,
        reasons: [],
      });
    },
  );

  it.each(refused.map((refusal) => [refusalSentence(refusal), refusal] as const))(
    "%s",
    (_sentence, refusal) => {
      const result = normaliseVat(refusal.typed, { country: refusal.country });
      expect(result.valid).toBe(false);
      expect(result.reasons).toEqual([refusal.reason]);
      expect(result.canonical).toBe(refusal.canonical);
    },
  );

  it("BE 0123.456.789 and BE0123456789 read the same even though the check digits fail", () => {
    expect(normaliseVat("BE 0123.456.789").canonical).toBe(normaliseVat("BE0123456789").canonical);
  });

  it("a German number on a Dutch customer stays valid and notes the other country", () => {
    expect(normaliseVat("DE129273398", { country: "NL" })).toEqual({
      canonical: "DE129273398",
      country: "DE",
      valid: true,
      reasons: ["vat_country_differs"],
    });
  });

  it("Exact's padded country code counts as the country", () => {
    expect(normaliseVat("0407186105", { country: "BE " }).canonical).toBe("BE0407186105");
  });

  it("null and undefined are a missing number, not an error", () => {
    expect(normaliseVat(null).reasons).toEqual(["vat_missing"]);
    expect(normaliseVat(undefined).reasons).toEqual(["vat_missing"]);
  });
});

describe("formatVatForExact", () => {
  it.each([
    ["BE 407.186.105", "BE0407186105"],
    ["NL 0072.25.994.B.01", "NL007225994B01"],
    ["GR094014201", "EL094014201"],
    ["NO 923 609 016", "NO923609016MVA"],
    ["CHE-116.281.710 TVA", "CHE116281710MWST"],
  ])("%s is posted to Exact as %s", (typed, posted) => {
    expect(formatVatForExact(typed)).toBe(posted);
  });

  it("the spelling posted to Exact reads back as the same number", () => {
    for (const spelling of readable) {
      const posted = formatVatForExact(spelling.typed, { country: spelling.country });
      expect(normaliseVat(posted).canonical).toBe(spelling.canonical);
    }
  });

  it("an unreadable number has no spelling for Exact", () => {
    expect(formatVatForExact("n.v.t.")).toBeUndefined();
  });
});

describe("normaliseVat properties", () => {
  const known = fc.constantFrom(...readable.filter((spelling) => !spelling.country));
  const noise = fc.constantFrom(" ", ".", "-", " - ", "  ", "/");

  /** Scatters separators through the text and changes the case of letters at random. */
  const misspelled = (text: string) =>
    fc
      .tuple(
        fc.array(fc.option(noise, { nil: "" }), { minLength: text.length + 1, maxLength: text.length + 1 }),
        fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }),
      )
      .map(
        ([gaps, lower]) =>
          [...text].map((char, i) => `${gaps[i]}${lower[i] ? char.toLowerCase() : char}`).join("") +
          gaps[text.length],
      );

  it("spelling noise (separators, case) never changes the canonical form", () => {
    fc.assert(
      fc.property(
        known.chain((spelling) => misspelled(spelling.canonical).map((typed) => ({ spelling, typed }))),
        ({ spelling, typed }) => {
          expect(normaliseVat(typed).canonical).toBe(spelling.canonical);
        },
      ),
    );
  });

  it("normalising a canonical form gives it back unchanged, with the same verdict", () => {
    const country = fc.constantFrom(undefined, "BE", "NL", "DE", "FR", "GR", "CH", "NO", "AT", "US");
    const typed = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[A-Z]{0,3}[0-9 .-]{6,14}[A-Z0-9]{0,4}$/),
      known.map((spelling) => spelling.typed),
    );
    fc.assert(
      fc.property(typed, country, (raw, givenCountry) => {
        const first = normaliseVat(raw, { country: givenCountry });
        if (first.canonical === undefined) return;
        const again = normaliseVat(first.canonical);
        expect(again.canonical).toBe(first.canonical);
        expect(again.valid).toBe(first.valid);
      }),
    );
  });

  it("canonicalVat gives the same canonical form as normaliseVat, with or without a country", () => {
    const country = fc.constantFrom(undefined, "BE", "NL", "DE", "FR", "GR", "EL", "CH", "NO", "GB", "US");
    const typed = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[A-Z]{0,3}[0-9 .-]{6,14}[A-Z0-9]{0,4}$/),
      known.chain((spelling) => misspelled(spelling.typed)),
    );
    const asTested = [
      ...[...readable, ...refused].map(({ typed, country }) => [typed, country] as const),
      // French keys that read as another country's prefix: only the check digits tell them apart.
      ["HU303265045", "FR"] as const,
      ["GB303265045", "FR"] as const,
      ["NL404833048", "FR"] as const,
    ];
    fc.assert(
      fc.property(fc.oneof(fc.tuple(typed, country), fc.constantFrom(...asTested)), ([raw, givenCountry]) => {
        expect(canonicalVat(raw, { country: givenCountry })).toBe(
          normaliseVat(raw, { country: givenCountry }).canonical,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.option(fc.string()), (raw, country) => {
        const result = normaliseVat(raw, { country });
        expect(result.valid).toBe(
          result.canonical !== undefined && result.reasons.every((r) => r === "vat_country_differs"),
        );
      }),
    );
  });
});
