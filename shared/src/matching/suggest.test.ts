import { describe, expect, it } from "vitest";
import { AccountIndex } from "./account-index";
import { CustomerIndex } from "./customer-index";
import { linksFromPairs } from "./links";
import { type SuggestionOutcome, suggestForAccount } from "./suggest";
import { accountId, exactAccount, zapfloorCustomer } from "./testing";
import type { ExactAccountSnapshot, ReasonCode, ZapfloorCustomer } from "./types";

const BE_VAT = "BE0407186105";

interface Row {
  situation: string;
  account: ExactAccountSnapshot;
  otherAccounts?: ExactAccountSnapshot[];
  customers: ZapfloorCustomer[];
  links?: [string, string][];
  outcome: SuggestionOutcome;
  customerNumber?: string;
  reasons: ReasonCode[];
  candidates?: string[];
}

const rows: Row[] = [
  {
    situation: "a linked account names its customer",
    account: exactAccount("a1"),
    customers: [zapfloorCustomer("11")],
    links: [["11", accountId("a1")]],
    outcome: "linked",
    customerNumber: "11",
    reasons: ["linked"],
  },
  {
    situation: "a linked account that became a prospect is still linked, with the problem noted",
    account: exactAccount("a1", { status: "P" }),
    customers: [zapfloorCustomer("11")],
    links: [["11", accountId("a1")]],
    outcome: "linked",
    customerNumber: "11",
    reasons: ["linked", "not_a_customer"],
  },
  {
    situation: "an account whose SearchCode is a customer's number suggests that customer",
    account: exactAccount("a1", { searchCode: "1042" }),
    customers: [zapfloorCustomer("1042"), zapfloorCustomer("1043")],
    outcome: "match",
    customerNumber: "1042",
    reasons: ["searchCode"],
    candidates: ["1042"],
  },
  {
    situation: "an account sharing its VAT number with two customers needs a person",
    account: exactAccount("a1", { vatNumber: BE_VAT }),
    customers: [
      zapfloorCustomer("11", { vatNumber: BE_VAT }),
      zapfloorCustomer("12", { vatNumber: "BE 0407.186.105" }),
    ],
    outcome: "review",
    reasons: ["several_customers_match"],
    candidates: ["11", "12"],
  },
  {
    situation: "a prospect with a customer's VAT number is offered for promotion",
    account: exactAccount("a1", { vatNumber: BE_VAT, status: "P" }),
    customers: [zapfloorCustomer("11", { vatNumber: BE_VAT })],
    outcome: "review",
    customerNumber: "11",
    reasons: ["vat", "not_a_customer"],
  },
  {
    situation: "an account that the customer's own decision finds in conflict needs a person",
    account: exactAccount("a1", { code: "                11" }),
    otherAccounts: [exactAccount("a2", { vatNumber: BE_VAT })],
    customers: [zapfloorCustomer("11", { vatNumber: BE_VAT })],
    outcome: "review",
    customerNumber: "11",
    reasons: ["code", "vat_contradiction"],
  },
  {
    situation: "a customer already linked elsewhere is shown but not suggested",
    account: exactAccount("a1", { vatNumber: BE_VAT }),
    otherAccounts: [exactAccount("a2", { vatNumber: BE_VAT })],
    customers: [zapfloorCustomer("11", { vatNumber: BE_VAT })],
    links: [["11", accountId("a2")]],
    outcome: "none",
    reasons: ["no_match"],
    candidates: ["11"],
  },
  {
    situation: "a similar name alone is a suggestion, never a match",
    account: exactAccount("a1", { name: "ACME N.V." }),
    customers: [zapfloorCustomer("11", { name: "Acme NV" }), zapfloorCustomer("12", { name: "Zeta" })],
    outcome: "none",
    reasons: ["no_match", "name_suggestions"],
    candidates: ["11"],
  },
];

describe("suggestForAccount", () => {
  it.each(rows.map((row) => [row.situation, row] as const))("%s", (_situation, row) => {
    const accounts = new AccountIndex([row.account, ...(row.otherAccounts ?? [])]);
    const suggestion = suggestForAccount(
      row.account,
      new CustomerIndex(row.customers),
      accounts,
      linksFromPairs(row.links ?? []),
    );
    expect(suggestion.outcome).toBe(row.outcome);
    expect(suggestion.customerNumber).toBe(row.customerNumber);
    expect(suggestion.reasons.map((reason) => reason.code)).toEqual(row.reasons);
    if (row.candidates) {
      expect(suggestion.candidates.map((candidate) => candidate.customer.number)).toEqual(row.candidates);
    }
  });

  it("a suggested match agrees with the customer's own decision", () => {
    const account = exactAccount("a1", { vatNumber: BE_VAT });
    const suggestion = suggestForAccount(
      account,
      new CustomerIndex([zapfloorCustomer("11", { vatNumber: BE_VAT })]),
      new AccountIndex([account]),
      linksFromPairs([]),
    );
    expect(suggestion.candidates[0]).toMatchObject({ matchedOn: ["vat"], decision: "match", score: 0.9 });
  });
});
