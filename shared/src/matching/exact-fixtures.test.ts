// Matching against accounts recorded from Exact's own .NET SDK tests (padded Codes and countries, a KvK
// number with its 0000 sub-file suffix, suppliers with Status A); see fixtures/exact/SOURCES.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AccountIndex } from "./account-index";
import { CustomerIndex } from "./customer-index";
import { decideMatch } from "./decide";
import { linksFromPairs, noLinks } from "./links";
import { suggestForAccount } from "./suggest";
import type {
  ExactAccountSnapshot,
  ExactAccountStatus,
  MatchOutcome,
  ReasonCode,
  ZapfloorCustomer,
} from "./types";

interface ExactAccountRow {
  ID: string;
  Code: string | null;
  SearchCode: string | null;
  Name: string;
  VATNumber: string | null;
  ChamberOfCommerce: string | null;
  Status: ExactAccountStatus | null;
  IsSupplier: boolean;
  IsSales: boolean;
  Blocked: boolean;
  Country: string | null;
  City: string | null;
  Postcode: string | null;
}

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const recording = path.resolve(repoRoot, "test/fixtures/exact/dotnet-sdk/crm-accounts-list-long-51.json");
const rows = (JSON.parse(readFileSync(recording, "utf8")) as { d: { results: ExactAccountRow[] } }).d.results;
const accounts: ExactAccountSnapshot[] = rows.map((row) => ({
  id: row.ID.toLowerCase(),
  code: row.Code,
  searchCode: row.SearchCode,
  name: row.Name,
  vatNumber: row.VATNumber,
  chamberOfCommerce: row.ChamberOfCommerce,
  status: row.Status,
  isSupplier: row.IsSupplier,
  isSales: row.IsSales,
  blocked: row.Blocked,
  country: row.Country,
  city: row.City,
  postcode: row.Postcode,
}));
const index = new AccountIndex(accounts);
const byName = (name: string) => accounts.find((account) => account.name === name)!;

describe("matching against a recorded Exact division", () => {
  it.each<[string, ZapfloorCustomer, MatchOutcome, string | undefined, ReasonCode[]]>([
    [
      "customer 23 matches Sportmagazijn through its Code padded to 18 characters",
      { number: "23", name: "Sportmagazijn" },
      "match",
      "Sportmagazijn",
      ["code"],
    ],
    [
      "a Belgian customer matches Belgium Bouncers by its VAT number typed with dots",
      { number: "5001", name: "Belgium Bouncers BVBA", vatNumber: "BE 0407.186.105", country: "BE" },
      "match",
      "Belgium Bouncers",
      ["vat"],
    ],
    [
      "a customer with Exact Software's VAT number finds a supplier: review, promote rather than duplicate",
      { number: "5002", name: "Exact Software", vatNumber: "NL 0072.25.994.B.01", country: "NL" },
      "review",
      "Exact Software Nederland B.V.",
      ["vat", "not_a_customer"],
    ],
    [
      "a KvK number found only in ChamberOfCommerce with its 0000 suffix is a review",
      { number: "5003", name: "Eneco Warmte", companyNumber: "24477319", country: "NL" },
      "review",
      "Warmtebedrijf Eneco Delft B.V.",
      ["company_number_only"],
    ],
    [
      "a customer known only by the name of Exact customer Sportmart B.V. is held for review, not created",
      { number: "5004", name: "Sportmart BV" },
      "review",
      "Sportmart B.V.",
      ["similar_name_exists"],
    ],
    [
      "a near-identical name in the city of Exact customer Terrie Sport is held for review too",
      { number: "5005", name: "Terie Sport", city: "Leiden" },
      "review",
      "Terrie Sport",
      ["similar_name_exists"],
    ],
    [
      "a customer known only by a similar name elsewhere is created, with the account suggested",
      { number: "5006", name: "Terie Sport", city: "Eindhoven" },
      "create",
      undefined,
      ["no_match", "name_suggestions"],
    ],
  ])("%s", (_sentence, customer, outcome, accountName, reasons) => {
    const decision = decideMatch(customer, index, noLinks);
    expect(decision.outcome).toBe(outcome);
    expect(decision.account?.name).toBe(accountName);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(reasons);
  });

  it("the supplier's review offers to promote it to customer and link", () => {
    const decision = decideMatch(
      { number: "5002", name: "Exact", vatNumber: "NL007225994B01" },
      index,
      noLinks,
    );
    expect(decision.reasons.find((reason) => reason.code === "not_a_customer")?.action).toBe(
      "promote_and_link",
    );
  });

  it("from the account's side, Sportmagazijn suggests customer 23", () => {
    const customers = new CustomerIndex([
      { number: "23", name: "Sportmagazijn" },
      { number: "24", name: "Other" },
    ]);
    const suggestion = suggestForAccount(byName("Sportmagazijn"), customers, index, linksFromPairs([]));
    expect(suggestion.outcome).toBe("match");
    expect(suggestion.customerNumber).toBe("23");
  });
});
