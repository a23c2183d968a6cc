import { describe, expect, it } from "vitest";
import { CustomerIndex } from "./customer-index";
import { indexAccount } from "./keys";
import { exactAccount, zapfloorCustomer } from "./testing";

const numbers = (found: readonly { number: string }[]) => found.map((customer) => customer.number).sort();
const zeroPadded = { zeroPaddedNumericEqual: true };

describe("CustomerIndex", () => {
  it("finds the customers an account points at by Code, SearchCode, VAT, company number and name", () => {
    const customers = new CustomerIndex([
      zapfloorCustomer("11", { name: "Acme NV" }),
      zapfloorCustomer("12", { vatNumber: "BE 0407.186.105" }),
      zapfloorCustomer("13", { companyNumber: "KvK 27223120", country: "NL" }),
    ]);
    const account = indexAccount(
      exactAccount("a1", {
        code: "           0000011",
        searchCode: "13",
        vatNumber: "BE0407186105",
        chamberOfCommerce: "27223120",
        country: "NL ",
        name: "ACME N.V.",
      }),
    );
    const hits = customers.findForAccount(account, zeroPadded);
    expect(numbers(hits.byCode)).toEqual(["11"]);
    expect(numbers(hits.bySearchCode)).toEqual(["13"]);
    expect(numbers(hits.byVat)).toEqual(["12"]);
    // Customer 12's Belgian VAT number holds its enterprise number, which the account's VAT number holds too.
    expect(numbers(hits.byCompanyNumber)).toEqual(["12", "13"]);
    expect(numbers(hits.byName)).toEqual(["11"]);
  });

  it("upsert replaces a customer's keys and remove forgets them", () => {
    const customers = new CustomerIndex([zapfloorCustomer("11", { vatNumber: "BE0407186105" })]);
    customers.upsert(zapfloorCustomer("11", { vatNumber: "NL007225994B01", country: "NL" }));
    const belgian = indexAccount(exactAccount("a1", { vatNumber: "BE0407186105" }));
    const dutch = indexAccount(exactAccount("a2", { vatNumber: "NL007225994B01" }));
    expect(customers.findForAccount(belgian, zeroPadded).byVat).toEqual([]);
    expect(numbers(customers.findForAccount(dutch, zeroPadded).byVat)).toEqual(["11"]);
    expect(customers.remove(" 11 ")).toBe(true);
    expect(customers.size).toBe(0);
    expect(customers.findForAccount(dutch, zeroPadded).byVat).toEqual([]);
  });

  it("add refuses a number that is already indexed", () => {
    const customers = new CustomerIndex([zapfloorCustomer("11")]);
    expect(() => customers.add(zapfloorCustomer("11"))).toThrow(/already in the index/);
  });
});
