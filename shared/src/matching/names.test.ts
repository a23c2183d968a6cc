import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameSimilarity, normaliseName } from "./names";

describe("normaliseName", () => {
  it.each([
    ["Café Zoë B.V.", "cafe zoe"],
    ["ACME N.V.", "acme"],
    ["Müller GmbH & Co. KG", "muller"],
    ["Pizzeria S.à r.l.", "pizzeria"],
    ["Kowalski Sp. z o.o.", "kowalski"],
    ["Exact Software Nederland B.V.", "exact software nederland"],
    ["Jansen BVBA", "jansen"],
    ["Société Générale SA", "societe generale"],
    ["O'Brien Ltd.", "obrien"],
    ["NV", "nv"],
  ])("%s is compared as %j", (name, normalised) => {
    expect(normaliseName(name)).toBe(normalised);
  });
});

describe("nameSimilarity", () => {
  it.each([
    ["Acme NV", "ACME N.V.", 1],
    ["Acme Consulting BV", "Consulting Acme", 1],
    ["Café Zoë", "Cafe Zoe SRL", 1],
  ])("%s and %s are the same name", (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBe(expected);
  });

  it("a typo costs a little", () => {
    expect(nameSimilarity("Bakkerij Jansen", "Bakkerij Janssen")).toBeGreaterThan(0.85);
  });

  it("different companies in the same trade stay below the suggestion threshold", () => {
    expect(nameSimilarity("Bakkerij Jansen", "Slagerij Pieters")).toBeLessThan(0.6);
  });

  it("an empty name resembles nothing", () => {
    expect(nameSimilarity("", "Acme")).toBe(0);
  });
});

describe("name properties", () => {
  const word = fc.oneof(
    fc.constantFrom(
      "BV",
      "N.V.",
      "gmbh",
      "&",
      "Co.",
      "KG",
      "sa",
      "r.l.",
      "b",
      "v",
      "Sp.",
      "z",
      "o.o.",
      "Zoë",
      "Café",
    ),
    fc.string({ minLength: 1, maxLength: 8 }),
  );
  const name = fc.array(word, { maxLength: 6 }).map((words) => words.join(" "));

  it("normalising is idempotent", () => {
    fc.assert(
      fc.property(name, (raw) => {
        expect(normaliseName(normaliseName(raw))).toBe(normaliseName(raw));
      }),
    );
  });

  it("case, accents and legal forms do not change the normalised name", () => {
    const legalForm = fc.constantFrom("BV", "B.V.", "NV", "bvba", "SRL", "SA", "GmbH", "Ltd", "Ltd.");
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,10}( [a-z]{3,10}){0,2}$/), legalForm, (plain, form) => {
        const noisy = `${plain.toUpperCase().replace(/E/g, "É")} ${form}`;
        expect(normaliseName(noisy)).toBe(normaliseName(plain));
      }),
    );
  });

  it("similarity is symmetric, between 0 and 1, and 1 for a name with itself", () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = nameSimilarity(a, b);
        expect(ab).toBe(nameSimilarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        if (normaliseName(a) !== "") expect(nameSimilarity(a, a)).toBe(1);
      }),
    );
  });
});
