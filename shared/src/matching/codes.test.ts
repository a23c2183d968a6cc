import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codesEqual, EXACT_CODE_LENGTH, normaliseCode, normaliseSearchCode, padCodeForFilter } from "./codes";

describe("codesEqual", () => {
  it.each(
    [
      {
        exact: "           0000011",
        zapfloor: "11",
        equal: true,
        why: "Exact's zero-padded code equals the plain number",
      },
      {
        exact: "                25",
        zapfloor: "25",
        equal: true,
        why: "Exact's space-padded code equals the number",
      },
      {
        exact: "0000011",
        zapfloor: 11,
        equal: true,
        why: "a numeric zapfloor number compares like its text",
      },
      {
        exact: "11",
        zapfloor: "011",
        equal: true,
        why: "leading zeros on the zapfloor side do not matter either",
      },
      { exact: "0", zapfloor: "000", equal: true, why: "zero equals zero" },
      { exact: "  acme ", zapfloor: "ACME", equal: true, why: "letters compare without regard to case" },
      { exact: "11A", zapfloor: "11", equal: false, why: "a code with letters is not a number" },
      { exact: "12", zapfloor: "11", equal: false, why: "different numbers differ" },
      { exact: null, zapfloor: "11", equal: false, why: "a missing code matches nothing" },
      { exact: "   ", zapfloor: "", equal: false, why: "two blanks are not a match" },
    ].map(
      (row) => [`${row.why}: ${JSON.stringify(row.exact)} vs ${JSON.stringify(row.zapfloor)}`, row] as const,
    ),
  )("%s", (_sentence, { exact, zapfloor, equal }) => {
    expect(codesEqual(exact, zapfloor)).toBe(equal);
  });

  it("with zero-padded numeric equality switched off, 0000011 and 11 differ but padding is still ignored", () => {
    const strict = { zeroPaddedNumericEqual: false };
    expect(codesEqual("           0000011", "11", strict)).toBe(false);
    expect(codesEqual("                11", "11", strict)).toBe(true);
  });
});

describe("normaliseCode and normaliseSearchCode", () => {
  it.each([
    ["           0000011", "0000011"],
    ["                25", "25"],
    ["   ", undefined],
    [null, undefined],
  ])("the Code %j is read as %j", (raw, expected) => {
    expect(normaliseCode(raw)).toBe(expected);
  });

  it.each([
    ["ALBEX    ", "ALBEX", "an old SearchCode right-padded to 9"],
    ["albex", "ALBEX", "a lower-case SearchCode"],
    ["  1042 ", "1042", "a zapfloor number with stray spaces"],
    ["", undefined, "a blank SearchCode"],
  ])("the SearchCode %j is read as %j (%s)", (raw, expected, _why) => {
    expect(normaliseSearchCode(raw)).toBe(expected);
  });
});

describe("padCodeForFilter", () => {
  it("25 becomes the 18-character code Exact filters on", () => {
    expect(padCodeForFilter("25")).toBe("                25");
    expect(padCodeForFilter(25)).toHaveLength(EXACT_CODE_LENGTH);
  });

  it("stray spaces are trimmed before padding", () => {
    expect(padCodeForFilter("  25 ")).toBe("                25");
  });

  it.each(["", "   ", "1234567890123456789"])("%j cannot be an Exact Code and is refused", (code) => {
    expect(() => padCodeForFilter(code)).toThrow(RangeError);
  });

  it("padding then normalising gives back the trimmed code, for any code Exact can hold", () => {
    const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,16}[A-Za-z0-9]$|^[A-Za-z0-9]$/);
    fc.assert(
      fc.property(code, (raw) => {
        const padded = padCodeForFilter(raw);
        expect(padded).toHaveLength(EXACT_CODE_LENGTH);
        expect(normaliseCode(padded)).toBe(raw.trim());
      }),
    );
  });

  it("a padded, zero-filled code always equals its number", () => {
    fc.assert(
      fc.property(fc.nat({ max: 9_999_999 }), fc.integer({ min: 0, max: 10 }), (number, zeros) => {
        const code = `${"0".repeat(zeros)}${number}`.slice(-EXACT_CODE_LENGTH);
        expect(codesEqual(padCodeForFilter(code), String(number))).toBe(true);
      }),
    );
  });
});
