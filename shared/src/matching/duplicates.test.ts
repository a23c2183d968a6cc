import { describe, expect, it } from "vitest";
import { AccountIndex } from "./account-index";
import { lookalikeCustomers } from "./duplicates";
import { accountId, exactAccount } from "./testing";

const BE_VAT = "BE0407186105";

describe("lookalikeCustomers: duplicates already in Exact", () => {
  const index = new AccountIndex([
    exactAccount("a1", { name: "Advies Rotterdam B.V.", vatNumber: BE_VAT }),
    exactAccount("a2", { name: "BV Advies Rotterdam" }),
    exactAccount("a3", { name: "Other Name NV", vatNumber: "BE 0407.186.105" }),
    exactAccount("a4", { name: "Advies Rotterdam", status: "P" }),
    exactAccount("a5", { name: "Advies Rotterdam Zuid BV" }),
  ]);
  const of = (short: string) =>
    lookalikeCustomers(index.get(accountId(short))!, index).map((lookalike) => [
      lookalike.account.id.slice(-2),
      lookalike.sharedOn,
    ]);

  it("finds customers with the same VAT number or the same normalised name, never itself or a prospect", () => {
    expect(of("a1")).toEqual([
      ["a2", ["name"]],
      ["a3", ["vat"]],
    ]);
    expect(of("a2")).toEqual([["a1", ["name"]]]);
    expect(of("a3")).toEqual([["a1", ["vat"]]]);
    expect(of("a5")).toEqual([]);
  });
});
