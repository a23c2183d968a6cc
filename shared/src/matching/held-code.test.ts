import { describe, expect, it } from "vitest";
import { codeOfHeld, heldCode } from "./held-code";
import { indexAccount } from "./keys";

describe("a code as a record holds it", () => {
  it.each([
    "1",
    "42",
    "999999999",
    "0",
    "007",
    "1234567890",
    "12A",
    "abc",
    " 12",
    "12 ",
    "-1",
    "1e3",
    "１２",
  ])("gives back %j as it was given", (code) => {
    expect(codeOfHeld(heldCode(code))).toBe(code);
  });

  it("holds a small number of digits as that number, anything else as given", () => {
    expect(heldCode("123456789")).toBe(123_456_789);
    expect(heldCode("0123")).toBe("0123");
    expect(heldCode("1234567890")).toBe("1234567890");
    expect(heldCode(null)).toBeNull();
    expect(heldCode(undefined)).toBeUndefined();
  });

  it("leaves an indexed account's code keys as strings", () => {
    const indexed = indexAccount({
      id: "0b7e9c2a-1f3d-4c5e-8a6b-9d0e1f2a3b4c",
      code: "            1001",
      searchCode: "abc ",
      name: "Acme",
      vatNumber: null,
      chamberOfCommerce: null,
      status: "C",
      isSupplier: false,
      blocked: false,
      country: null,
    });
    expect([indexed.codeKey, indexed.searchCodeKey]).toEqual(["1001", "ABC"]);
  });
});
