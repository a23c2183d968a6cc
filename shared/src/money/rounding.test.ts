import { describe, expect, it } from "vitest";
import { divideRoundingHalfAwayFromZero } from "./rounding";

describe("divideRoundingHalfAwayFromZero", () => {
  it.each([
    ["an exact quotient stays", 10n, 5n, 2n],
    ["below a half rounds down", 14n, 10n, 1n],
    ["a half rounds up", 15n, 10n, 2n],
    ["a negative half rounds down (away from zero)", -15n, 10n, -2n],
    ["a negative below a half rounds towards zero", -14n, 10n, -1n],
    ["a negative denominator flips the sign", 15n, -10n, -2n],
    ["two negatives make a positive", -25n, -10n, 3n],
    ["zero stays zero", 0n, 7n, 0n],
  ])("%s: %d / %d = %d", (_case, numerator, denominator, expected) => {
    expect(divideRoundingHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });

  it("refuses to divide by zero", () => {
    expect(() => divideRoundingHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});
