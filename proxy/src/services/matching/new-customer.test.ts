import { describe, expect, it } from "vitest";
import { assertFitsSearchCode } from "./new-customer";

describe("assertFitsSearchCode", () => {
  it("accepts a zapfloor number that fits Exact's SearchCode", () => {
    expect(() => assertFitsSearchCode("123456789")).not.toThrow();
  });

  it("refuses a longer one with a validation error naming the number and the limit", () => {
    expect(() => assertFitsSearchCode("1234567890")).toThrow(
      expect.objectContaining({
        code: "validation",
        details: { problems: [expect.objectContaining({ path: "path.number" })] },
      }),
    );
  });

  it("follows a configured limit", () => {
    expect(() => assertFitsSearchCode("1234567890", 30)).not.toThrow();
    expect(() => assertFitsSearchCode("12345", 4)).toThrow(
      expect.objectContaining({
        details: { problems: [expect.objectContaining({ message: expect.stringContaining("at most 4") })] },
      }),
    );
  });
});
