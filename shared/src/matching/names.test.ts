import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameSimilarity, normalisedSimilarity, normaliseName, searchTokens } from "./names";

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

describe("searchTokens", () => {
  it.each([
    ["De Jansen & Jansen Bakkers BV", ["de", "jansen", "bakkers"]],
    ["A B Consulting", ["consulting"]],
    ["Café Zoë", ["cafe", "zoe"]],
    ["X", ["x"]],
    ["A & B", ["a b"]],
    ["", []],
  ])("%j is found through %j", (name, tokens) => {
    expect(searchTokens(normaliseName(name))).toEqual(tokens);
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

  it("similarity is the Dice coefficient of the words' character pairs, for short and long names alike", () => {
    const pairCounts = (normalised: string) => {
      const counts = new Map<string, number>();
      for (const word of normalised.split(" ")) {
        const padded = ` ${word} `;
        for (let i = 0; i + 1 < padded.length; i++) {
          const pair = padded.slice(i, i + 2);
          counts.set(pair, (counts.get(pair) ?? 0) + 1);
        }
      }
      return counts;
    };
    const dice = (a: string, b: string) => {
      const left = pairCounts(a);
      const right = pairCounts(b);
      let shared = 0;
      for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
      const total = (pairs: Map<string, number>) => [...pairs.values()].reduce((sum, n) => sum + n, 0);
      return (2 * shared) / (total(left) + total(right));
    };
    const letters = fc.stringMatching(/^[a-eé]{1,12}$/);
    const longName = fc
      .array(fc.oneof(word, letters), { minLength: 1, maxLength: 16 })
      .map((words) => words.join(" "));
    fc.assert(
      fc.property(longName, fc.array(longName, { minLength: 1, maxLength: 4 }), (rawQuery, rawOthers) => {
        const query = normaliseName(rawQuery);
        fc.pre(query !== "");
        // One name against many, then each the other way round: the left-hand name changes between calls.
        for (const other of rawOthers.map(normaliseName)) {
          if (other === "" || other === query) continue;
          expect(normalisedSimilarity(query, other)).toBeCloseTo(dice(query, other), 12);
          expect(normalisedSimilarity(other, query)).toBeCloseTo(dice(query, other), 12);
        }
      }),
    );
  });
});
