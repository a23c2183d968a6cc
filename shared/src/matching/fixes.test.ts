import { describe, expect, it } from "vitest";
import { searchCodeOnLink, vatFixFor } from "./fixes";
import { exactAccount, zapfloorCustomer } from "./testing";

const BE_VAT = "BE0407186105";

describe("vatFixFor: adding zapfloor's VAT number to an Exact customer that has none", () => {
  it.each([
    [
      "same name, no VAT in Exact: add it",
      exactAccount("a1", { name: "Advies Rotterdam B.V." }),
      zapfloorCustomer("2003", { name: "Advies Rotterdam BV", vatNumber: "be 0407.186.105" }),
      [{ field: "VATNumber", from: null, to: BE_VAT }],
    ],
    [
      "with a company number too, when Exact has none",
      exactAccount("a1", { name: "Acme NV" }),
      zapfloorCustomer("11", { name: "ACME", vatNumber: BE_VAT, companyNumber: "0407.186.105" }),
      [
        { field: "VATNumber", from: null, to: BE_VAT },
        { field: "ChamberOfCommerce", from: null, to: "0407186105" },
      ],
    ],
    [
      "a company number Exact already has is left alone",
      exactAccount("a1", { name: "Acme NV", chamberOfCommerce: "0999999999" }),
      zapfloorCustomer("11", { name: "ACME", vatNumber: BE_VAT, companyNumber: "0407186105" }),
      [{ field: "VATNumber", from: null, to: BE_VAT }],
    ],
    [
      "a near-identical name agrees",
      exactAccount("a1", { name: "Bakkerij Jansen BV" }),
      zapfloorCustomer("11", { name: "Bakkerij Janssen", vatNumber: BE_VAT }),
      [{ field: "VATNumber", from: null, to: BE_VAT }],
    ],
  ])("%s", (_, account, customer, changes) => {
    expect(vatFixFor(account, customer)).toEqual({ action: "add_vat_and_link", changes });
  });

  it.each([
    ["Exact already has a VAT number", exactAccount("a1", { name: "Acme", vatNumber: "NL007225994B01" })],
    ["the names differ", exactAccount("a1", { name: "Zeta Holding" })],
    ["the account is a prospect", exactAccount("a1", { name: "Acme", status: "P" })],
    ["the account is blocked", exactAccount("a1", { name: "Acme", blocked: true })],
  ])("offers nothing when %s", (_, account) => {
    expect(vatFixFor(account, zapfloorCustomer("11", { name: "Acme", vatNumber: BE_VAT }))).toBeUndefined();
  });

  it.each([["BE0407186106"], [""], [null]])("offers nothing for zapfloor VAT number %j", (vatNumber) => {
    expect(
      vatFixFor(exactAccount("a1", { name: "Acme" }), zapfloorCustomer("11", { name: "Acme", vatNumber })),
    ).toBeUndefined();
  });
});

describe("searchCodeOnLink: a hand link writes the zapfloor number into an empty SearchCode", () => {
  const free = { maxLength: 9, numberTakenElsewhere: false };
  it.each([
    [
      "empty: set it",
      null,
      "2003",
      free,
      { outcome: "set", change: { field: "SearchCode", from: null, to: "2003" } },
    ],
    [
      "blank counts as empty",
      "   ",
      "2003",
      free,
      { outcome: "set", change: { field: "SearchCode", from: null, to: "2003" } },
    ],
    ["already the number (padding and zeros aside)", "  02003 ", "2003", free, { outcome: "already_set" }],
    ["another value is never overwritten", "ADVIES", "2003", free, { outcome: "kept_other" }],
    ["a number too long for a SearchCode", null, "1234567890", free, { outcome: "too_long" }],
    [
      "another account carries the number",
      null,
      "2003",
      { maxLength: 9, numberTakenElsewhere: true },
      { outcome: "taken" },
    ],
  ])("%s", (_, searchCode, number, options, expected) => {
    expect(searchCodeOnLink({ searchCode }, number, options)).toEqual(expected);
  });
});
