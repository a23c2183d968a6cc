import { describe, expect, it } from "vitest";
import type { CustomerRow } from "../../db/customer-store";
import { assertFitsExactAccount, assertFitsSearchCode } from "./new-customer";

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

describe("assertFitsExactAccount", () => {
  const customer = (overrides: Partial<CustomerRow>) =>
    ({ number: "1042", name: "Flexwerk B.V.", country: "NL", address: null, ...overrides }) as CustomerRow;

  it("accepts a customer whose fields fit Exact's account", () => {
    expect(() => assertFitsExactAccount(customer({ name: "N".repeat(50) }))).not.toThrow();
  });

  it("refuses a name over Exact's 50 characters, saying which field and how long, before any Exact call", () => {
    expect(() =>
      assertFitsExactAccount(customer({ name: "N".repeat(51), address: { city: "C".repeat(41) } })),
    ).toThrow(
      expect.objectContaining({
        code: "validation",
        details: {
          problems: [
            expect.objectContaining({
              path: "body.name",
              message: "name has 51 characters; Exact Online keeps at most 50 in an account's Name",
            }),
            expect.objectContaining({ path: "body.address.city" }),
          ],
        },
      }),
    );
  });
});
