import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountForExact, amountFromExact, formatAmount, parseAmount, sumAmounts } from "./amount";

describe("parseAmount", () => {
  it.each([
    ["12.30", 1230n],
    ["12.3", 1230n],
    ["12", 1200n],
    ["0.05", 5n],
    ["-0.05", -5n],
    ["-100", -10000n],
    ["0", 0n],
    ["0012.10", 1210n],
    ["9999999999999.99", 999999999999999n],
  ])("%s is %d cents", (text, cents) => {
    expect(parseAmount(text)).toBe(cents);
  });

  it.each([
    ["three decimals", "1.234"],
    ["a comma", "12,30"],
    ["an exponent", "1e3"],
    ["a plus sign", "+1"],
    ["spaces", " 1"],
    ["a trailing point", "1."],
    ["a leading point", ".5"],
    ["empty", ""],
    ["a currency sign", "€1"],
    ["fourteen digits", "12345678901234"],
  ])("refuses %s (%j)", (_case, text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});

describe("formatAmount", () => {
  it.each([
    [1230n, "12.30"],
    [5n, "0.05"],
    [-5n, "-0.05"],
    [0n, "0.00"],
    [-123456n, "-1234.56"],
  ])("%d cents is %s", (cents, text) => {
    expect(formatAmount(cents)).toBe(text);
  });

  it("round-trips every two-decimal amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (cents) => {
        expect(parseAmount(formatAmount(cents))).toBe(cents);
      }),
    );
  });
});

describe("sums", () => {
  it("adds 0.10 + 0.20 to exactly 0.30, which floats do not", () => {
    const total = sumAmounts([parseAmount("0.10")!, parseAmount("0.20")!]);
    expect(formatAmount(total)).toBe("0.30");
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});

describe("amounts for and from Exact", () => {
  it.each([
    [1230n, 12.3],
    [-1999n, -19.99],
    [29n, 0.29],
    [100000001n, 1000000.01],
  ])("%d cents is sent as %d", (cents, number) => {
    expect(amountForExact(cents)).toBe(number);
    expect(JSON.stringify(amountForExact(cents))).toBe(String(number));
  });

  it.each([
    ["a float just below its decimal", 0.285, 29n],
    ["a negative float", -0.285, -29n],
    ["a whole number", 100, 10000n],
    ["a sum that floats got wrong", 0.1 + 0.2, 30n],
  ])("reads %s back to cents", (_case, number, cents) => {
    expect(amountFromExact(number)).toBe(cents);
  });

  it("reads back whatever it sent", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (cents) => {
        expect(amountFromExact(amountForExact(cents))).toBe(cents);
      }),
    );
  });

  it("refuses what is not a number", () => {
    expect(() => amountFromExact(Number.NaN)).toThrow(RangeError);
  });
});
