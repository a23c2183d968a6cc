import { describe, expect, it } from "vitest";
import { DEFAULT_FIELD_LIMITS, fieldLimitsFrom, overlongAccountFields } from "./field-limits";

describe("fieldLimitsFrom (EXACT_FIELD_LIMITS)", () => {
  it("is the defaults without a setting, and changes only the limits it names", () => {
    expect(fieldLimitsFrom(undefined)).toEqual(DEFAULT_FIELD_LIMITS);
    const limits = fieldLimitsFrom(" Account.Name = 100, SalesEntryLine.Description=255 ,");
    expect(limits.Account.Name).toBe(100);
    expect(limits.SalesEntryLine.Description).toBe(255);
    expect(limits.Account.City).toBe(DEFAULT_FIELD_LIMITS.Account.City);
    expect(DEFAULT_FIELD_LIMITS.Account.Name).toBe(50);
    expect(overlongAccountFields({ Name: "N".repeat(60) }, limits.Account)).toEqual([]);
  });

  it.each(["Account.Nmae=100", "Invoice.Description=10", "Account.Name", "Account.Name=0", "Account.Name=x"])(
    "refuses %s",
    (setting) => {
      expect(() => fieldLimitsFrom(setting)).toThrow(/Account\.Name=100|whole number/);
    },
  );
});
