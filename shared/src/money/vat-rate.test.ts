import { describe, expect, it } from "vitest";
import { formatVatRate, parseVatRate, vatOn, vatRateFromFraction } from "./vat-rate";

describe("VAT rates", () => {
  it.each([
    ["21", "21"],
    ["21.0", "21"],
    ["21.00", "21"],
    ["5.5", "5.5"],
    ["8.875", "8.875"],
    ["0", "0"],
    ["100", "100"],
    ["2.1", "2.1"],
  ])("%s reads as %s", (text, formatted) => {
    expect(formatVatRate(parseVatRate(text)!)).toBe(formatted);
  });

  it.each([
    ["above 100", "100.5"],
    ["negative", "-21"],
    ["a percent sign", "21%"],
    ["a comma", "5,5"],
    ["five decimals", "1.23456"],
    ["empty", ""],
  ])("refuses %s (%j)", (_case, text) => {
    expect(parseVatRate(text)).toBeUndefined();
  });

  it.each([
    ["21% from 0.21", 0.21, "21"],
    ["5.5% from 0.055", 0.055, "5.5"],
    ["2.1% from 0.021", 0.021, "2.1"],
    ["0% from 0", 0, "0"],
    ["20% from 0.2", 0.2, "20"],
  ])("Exact's percentage fraction: %s", (_case, fraction, rate) => {
    expect(formatVatRate(vatRateFromFraction(fraction))).toBe(rate);
  });

  it("refuses a fraction above one", () => {
    expect(() => vatRateFromFraction(21)).toThrow(RangeError);
  });
});

describe("vatOn", () => {
  const rate = (text: string) => parseVatRate(text)!;
  it.each([
    ["21% of 100.00", 10000n, "21", 2100n],
    ["21% of 0.10 is 0.021, rounded to 0.02", 10n, "21", 2n],
    ["21% of 0.50 is 0.105, a half: up to 0.11", 50n, "21", 11n],
    ["21% of −0.50 is −0.105, a half: away from zero to −0.11", -50n, "21", -11n],
    ["5.5% of 9.10 is 0.5005, rounded to 0.50", 910n, "5.5", 50n],
    ["6% of 12.25 is 0.735, a half: up to 0.74", 1225n, "6", 74n],
    ["0% of anything is nothing", 123456n, "0", 0n],
    ["8.875% of 10.00 is 0.8875, rounded to 0.89", 1000n, "8.875", 89n],
  ])("%s", (_case, amount, rateText, vat) => {
    expect(vatOn(amount, rate(rateText))).toBe(vat);
  });
});
