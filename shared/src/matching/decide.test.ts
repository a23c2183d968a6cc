import { describe, expect, it } from "vitest";
import { AccountIndex } from "./account-index";
import { decideMatch } from "./decide";
import { linksFromPairs } from "./links";
import { accountId, exactAccount, zapfloorCustomer } from "./testing";
import type { ExactAccountSnapshot, MatchOptions, MatchOutcome, ReasonCode, ZapfloorCustomer } from "./types";

interface Row {
  situation: string;
  customer: ZapfloorCustomer;
  accounts: ExactAccountSnapshot[];
  links?: [string, string][];
  options?: Partial<MatchOptions>;
  outcome: MatchOutcome;
  /** Short id of `decision.account`, if the decision names one. */
  account?: string;
  reasons: ReasonCode[];
  /** Short ids of the first candidates, in rank order. */
  candidates?: string[];
}

const BE_VAT = "BE0407186105";
const NL_VAT = "NL007225994B01";

/** Every row of design.md's "Matching decision table", and the edges between rows. */
const rows: Row[] = [
  {
    situation: "a customer linked to an account that is still a customer is linked",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1")],
    links: [["11", accountId("a1")]],
    outcome: "linked",
    account: "a1",
    reasons: ["linked"],
    candidates: ["a1"],
  },
  {
    situation: "a link stays linked when the VAT numbers differ, with a warning",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { vatNumber: NL_VAT })],
    links: [["11", accountId("a1")]],
    outcome: "linked",
    account: "a1",
    reasons: ["linked", "vat_differs"],
  },
  {
    situation: "a link to an account that was deleted is stale",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1")],
    links: [["11", accountId("a9")]],
    outcome: "stale",
    reasons: ["account_deleted"],
  },
  {
    situation: "a link to an account that is no longer a customer is stale, never relinked",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { status: "P" }), exactAccount("a2", { vatNumber: BE_VAT })],
    links: [["11", accountId("a1")]],
    outcome: "stale",
    account: "a1",
    reasons: ["not_a_customer"],
    candidates: ["a1", "a2"],
  },
  {
    situation: "a link to a blocked account is stale",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1", { blocked: true })],
    links: [["11", accountId("a1")]],
    outcome: "stale",
    account: "a1",
    reasons: ["account_blocked"],
  },
  {
    situation: "the only customer account whose padded, zero-filled Code is the number is a match",
    customer: zapfloorCustomer("11"),
    accounts: [
      exactAccount("a1", { code: "           0000011" }),
      exactAccount("a2", { code: "                12" }),
    ],
    outcome: "match",
    account: "a1",
    reasons: ["code"],
    candidates: ["a1"],
  },
  {
    situation: "a zero-filled Code does not match when numeric equality is switched off",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1", { code: "           0000011" })],
    options: { zeroPaddedNumericEqual: false },
    outcome: "create",
    reasons: ["no_match"],
    candidates: [],
  },
  {
    situation: "the only customer account whose SearchCode is the number is a match",
    customer: zapfloorCustomer("1042"),
    accounts: [exactAccount("a1", { code: "                 7", searchCode: "1042     " })],
    outcome: "match",
    account: "a1",
    reasons: ["searchCode"],
  },
  {
    situation: "the only customer account with the same VAT number, spelled differently, is a match",
    customer: zapfloorCustomer("11", { vatNumber: "be 0407.186.105" }),
    accounts: [exactAccount("a1", { vatNumber: "BE 407186105" }), exactAccount("a2", { vatNumber: NL_VAT })],
    outcome: "match",
    account: "a1",
    reasons: ["vat"],
    candidates: ["a1"],
  },
  {
    situation: "Code and VAT agreeing on one account is a match on both",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { code: "                11", vatNumber: BE_VAT })],
    outcome: "match",
    account: "a1",
    reasons: ["code", "vat"],
  },
  {
    situation: "Code pointing to one account and VAT to another is a conflict",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { code: "                11" }), exactAccount("a2", { vatNumber: BE_VAT })],
    outcome: "conflict",
    reasons: ["code", "vat_contradiction"],
    candidates: ["a1", "a2"],
  },
  {
    situation: "Code pointing to an account whose own VAT number differs is a conflict",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { code: "                11", vatNumber: NL_VAT })],
    outcome: "conflict",
    reasons: ["code", "vat_contradiction"],
  },
  {
    situation: "Code pointing to a prospect while VAT points to a customer account is a conflict",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [
      exactAccount("a1", { code: "                11", status: "P" }),
      exactAccount("a2", { vatNumber: BE_VAT }),
    ],
    outcome: "conflict",
    reasons: ["code", "vat_contradiction"],
  },
  {
    situation: "several customer accounts sharing the VAT number are ambiguous",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [
      exactAccount("a1", { vatNumber: BE_VAT }),
      exactAccount("a2", { vatNumber: "BE 0407.186.105" }),
    ],
    outcome: "ambiguous",
    reasons: ["vat_shared_by_several"],
    candidates: ["a1", "a2"],
  },
  {
    situation: "a shared VAT number narrowed to one account by the company number is a match",
    customer: zapfloorCustomer("11", { vatNumber: NL_VAT, companyNumber: "KvK 27223120", country: "NL" }),
    accounts: [
      exactAccount("a1", { vatNumber: NL_VAT, chamberOfCommerce: "30001234", country: "NL " }),
      exactAccount("a2", { vatNumber: NL_VAT, chamberOfCommerce: "27223120", country: "NL " }),
    ],
    outcome: "match",
    account: "a2",
    reasons: ["vat", "companyNumber"],
    candidates: ["a2", "a1"],
  },
  {
    situation: "a VAT number shared by a customer account and a prospect matches the customer account",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [
      exactAccount("a1", { vatNumber: BE_VAT, status: "P" }),
      exactAccount("a2", { vatNumber: BE_VAT }),
    ],
    outcome: "match",
    account: "a2",
    reasons: ["vat"],
    candidates: ["a2", "a1"],
  },
  {
    situation: "the matching account already linked to another zapfloor customer is a conflict",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { vatNumber: BE_VAT })],
    links: [["99", accountId("a1")]],
    outcome: "conflict",
    account: "a1",
    reasons: ["vat", "already_linked_elsewhere"],
  },
  {
    situation: "only a prospect with the same VAT number is a review, offering to promote it",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { vatNumber: BE_VAT, status: "P" })],
    outcome: "review",
    account: "a1",
    reasons: ["vat", "not_a_customer"],
  },
  {
    situation: "only a supplier whose Code is the number is a review, not a duplicate",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1", { code: "                11", status: "A", isSupplier: true })],
    outcome: "review",
    account: "a1",
    reasons: ["code", "not_a_customer"],
  },
  {
    situation: "only a blocked customer account with the same VAT number is a review",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [exactAccount("a1", { vatNumber: BE_VAT, blocked: true })],
    outcome: "review",
    account: "a1",
    reasons: ["vat", "account_blocked"],
  },
  {
    situation: "the number as Code of one account and SearchCode of another is ambiguous",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1", { code: "                11" }), exactAccount("a2", { searchCode: "11" })],
    outcome: "ambiguous",
    reasons: ["number_points_to_several"],
  },
  {
    situation: "the number on two accounts is narrowed to one by the VAT number",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [
      exactAccount("a1", { code: "                11" }),
      exactAccount("a2", { searchCode: "11", vatNumber: BE_VAT }),
    ],
    outcome: "match",
    account: "a2",
    reasons: ["searchCode", "vat"],
  },
  {
    situation: "several prospects sharing the VAT number are ambiguous",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT }),
    accounts: [
      exactAccount("a1", { vatNumber: BE_VAT, status: "P" }),
      exactAccount("a2", { vatNumber: BE_VAT, status: "S" }),
    ],
    outcome: "ambiguous",
    reasons: ["vat_shared_by_several"],
  },
  {
    situation: "an account found by company number alone is a review",
    customer: zapfloorCustomer("11", { companyNumber: "KvK 27223120", country: "NL" }),
    accounts: [exactAccount("a1", { chamberOfCommerce: "272231200000", country: "NL " })],
    outcome: "review",
    account: "a1",
    reasons: ["company_number_only"],
  },
  {
    situation: "a similar name alone never links: create, with the account as a suggestion",
    customer: zapfloorCustomer("11", { name: "Acme NV" }),
    accounts: [exactAccount("a1", { name: "Acme Gent", code: "               500" }), exactAccount("a2")],
    outcome: "create",
    reasons: ["no_match", "name_suggestions"],
    candidates: ["a1"],
  },
  {
    situation: "an Exact customer with the same name once normalised blocks creating: review, never create",
    customer: zapfloorCustomer("2003", { name: "Advies Rotterdam BV" }),
    accounts: [exactAccount("a1", { name: "Advies Rotterdam B.V." }), exactAccount("a2")],
    outcome: "review",
    account: "a1",
    reasons: ["similar_name_exists"],
    candidates: ["a1"],
  },
  {
    situation: "legal form in front, accents and punctuation do not make a name different",
    customer: zapfloorCustomer("11", { name: "BV Café-Zoë" }),
    accounts: [exactAccount("a1", { name: "Cafe Zoe B.V." })],
    outcome: "review",
    account: "a1",
    reasons: ["similar_name_exists"],
  },
  {
    situation: "the same words in another order are the same name",
    customer: zapfloorCustomer("11", { name: "Consulting Acme" }),
    accounts: [exactAccount("a1", { name: "Acme Consulting NV" })],
    outcome: "review",
    account: "a1",
    reasons: ["similar_name_exists"],
  },
  {
    situation: "several customers with the same name all block creating, and are named",
    customer: zapfloorCustomer("11", { name: "Acme" }),
    accounts: [exactAccount("a1", { name: "ACME NV" }), exactAccount("a2", { name: "Acme BVBA" })],
    outcome: "review",
    reasons: ["similar_name_exists"],
    candidates: ["a1", "a2"],
  },
  {
    situation: "a blocked customer with the same name still blocks creating",
    customer: zapfloorCustomer("11", { name: "Acme" }),
    accounts: [exactAccount("a1", { name: "Acme NV", blocked: true })],
    outcome: "review",
    account: "a1",
    reasons: ["similar_name_exists"],
  },
  {
    situation: "a near-identical name in the same city blocks creating",
    customer: zapfloorCustomer("11", { name: "Bakkerij Janssen", city: "Gent" }),
    accounts: [exactAccount("a1", { name: "Bakkerij Jansen BV", city: "GENT" })],
    outcome: "review",
    account: "a1",
    reasons: ["similar_name_exists"],
  },
  {
    situation: "a near-identical name with the same postcode blocks creating",
    customer: zapfloorCustomer("11", { name: "Bakkerij Janssen", postcode: "9000" }),
    accounts: [exactAccount("a1", { name: "Bakkerij Jansen BV", postcode: " 9000" })],
    outcome: "review",
    account: "a1",
    reasons: ["similar_name_exists"],
  },
  {
    situation: "a near-identical name in another city is only a suggestion",
    customer: zapfloorCustomer("11", { name: "Bakkerij Janssen", city: "Gent", postcode: "9000" }),
    accounts: [exactAccount("a1", { name: "Bakkerij Jansen BV", city: "Brugge", postcode: "8000" })],
    outcome: "create",
    reasons: ["no_match", "name_suggestions"],
    candidates: ["a1"],
  },
  {
    situation: "a less similar name in the same city is only a suggestion",
    customer: zapfloorCustomer("11", { name: "Advies Rotterdam", city: "Rotterdam" }),
    accounts: [exactAccount("a1", { name: "Advies Rotterdam Zuid BV", city: "Rotterdam" })],
    outcome: "create",
    reasons: ["no_match", "name_suggestions"],
  },
  {
    situation: "a prospect with the same name is a suggestion, not a customer to duplicate",
    customer: zapfloorCustomer("11", { name: "Acme" }),
    accounts: [exactAccount("a1", { name: "Acme NV", status: "P" })],
    outcome: "create",
    reasons: ["no_match", "name_suggestions"],
  },
  {
    situation: "a division that allows customers with the same name creates",
    customer: zapfloorCustomer("2003", { name: "Advies Rotterdam BV" }),
    accounts: [exactAccount("a1", { name: "Advies Rotterdam B.V." })],
    options: { similarNameBlocksCreate: false },
    outcome: "create",
    reasons: ["no_match", "name_suggestions"],
  },
  {
    situation: "an identifier still decides over a name: a VAT match links the VAT account",
    customer: zapfloorCustomer("11", { name: "Acme", vatNumber: BE_VAT }),
    accounts: [
      exactAccount("a1", { name: "Acme NV" }),
      exactAccount("a2", { name: "Acme", vatNumber: BE_VAT }),
    ],
    outcome: "match",
    account: "a2",
    reasons: ["vat"],
  },
  {
    situation: "a division whose accounts were never loaded decides nothing: unknown, never create",
    customer: zapfloorCustomer("11", { name: "Acme" }),
    accounts: [],
    options: { mirrorNotLoaded: { lastLoadedAt: null } },
    outcome: "unknown",
    reasons: ["mirror_not_loaded"],
    candidates: [],
  },
  {
    situation: "a link is not trusted either while the accounts are not loaded",
    customer: zapfloorCustomer("11"),
    accounts: [exactAccount("a1")],
    links: [["11", accountId("a1")]],
    options: { mirrorNotLoaded: { lastLoadedAt: "2026-12-01T08:00:00.000Z" } },
    outcome: "unknown",
    reasons: ["mirror_not_loaded"],
  },
  {
    situation: "nothing matching is a create",
    customer: zapfloorCustomer("11", { vatNumber: BE_VAT, name: "Acme NV" }),
    accounts: [exactAccount("a1", { code: "                12", vatNumber: NL_VAT, name: "Zeta BV" })],
    outcome: "create",
    reasons: ["no_match"],
    candidates: [],
  },
  {
    situation: "an unreadable zapfloor VAT number is noted on the decision",
    customer: zapfloorCustomer("11", { vatNumber: "BE 0407.186.106" }),
    accounts: [exactAccount("a1")],
    outcome: "create",
    reasons: ["no_match", "customer_vat_invalid"],
  },
];

const shortId = (id: string) => id.replace(/^0{8}-0{4}-0{4}-0{4}-0*/, "");

describe("decideMatch: the decision table", () => {
  it.each(rows.map((row) => [row.situation, row] as const))("%s", (_situation, row) => {
    const decision = decideMatch(
      row.customer,
      new AccountIndex(row.accounts),
      linksFromPairs(row.links ?? []),
      row.options,
    );
    expect(decision.outcome).toBe(row.outcome);
    expect(decision.account && shortId(decision.account.id)).toBe(row.account);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(row.reasons);
    for (const reason of decision.reasons) expect(reason.message).toMatch(/\w/);
    if (row.candidates) {
      expect(decision.candidates.map((candidate) => shortId(candidate.account.id))).toEqual(row.candidates);
    }
  });

  it("covers every outcome", () => {
    const outcomes: MatchOutcome[] = [
      "linked",
      "stale",
      "match",
      "conflict",
      "ambiguous",
      "review",
      "create",
      "unknown",
    ];
    expect(new Set(rows.map((row) => row.outcome))).toEqual(new Set(outcomes));
  });
});

describe("decideMatch: reasons and candidates", () => {
  it("a prospect offered for review carries the promote-and-link action", () => {
    const decision = decideMatch(
      zapfloorCustomer("11", { vatNumber: BE_VAT }),
      new AccountIndex([exactAccount("a1", { vatNumber: BE_VAT, status: "P", name: "Acme" })]),
      linksFromPairs([]),
    );
    expect(decision.reasons.find((reason) => reason.code === "not_a_customer")).toEqual({
      code: "not_a_customer",
      accountId: accountId("a1"),
      action: "promote_and_link",
      message:
        'Exact account "Acme" is a prospect, not a customer. It can be promoted to customer and linked.',
    });
  });

  it("a blocked prospect is not offered for promotion", () => {
    const decision = decideMatch(
      zapfloorCustomer("11", { vatNumber: BE_VAT }),
      new AccountIndex([exactAccount("a1", { vatNumber: BE_VAT, status: "P", blocked: true })]),
      linksFromPairs([]),
    );
    expect(decision.reasons.map((reason) => reason.action)).toEqual([undefined, undefined, undefined]);
  });

  it("candidates say what they matched on, how strongly, and who they are linked to", () => {
    const decision = decideMatch(
      zapfloorCustomer("11", { vatNumber: BE_VAT, name: "Acme NV" }),
      new AccountIndex([
        exactAccount("a1", { vatNumber: BE_VAT, name: "ACME N.V." }),
        exactAccount("a2", { vatNumber: BE_VAT, name: "Zeta Gent", status: "P" }),
      ]),
      linksFromPairs([["7", accountId("a2")]]),
    );
    expect(decision.candidates).toEqual([
      {
        account: expect.objectContaining({ id: accountId("a1") }),
        matchedOn: ["vat", "name"],
        score: 0.95,
        nameSimilarity: 1,
        isCustomer: true,
      },
      {
        account: expect.objectContaining({ id: accountId("a2") }),
        matchedOn: ["vat"],
        score: 0.9,
        nameSimilarity: 0,
        linkedTo: "7",
        isCustomer: false,
      },
    ]);
  });

  it("a match lists no name look-alikes; they are listed when a person has to decide", () => {
    const lookalike = exactAccount("a3", { name: "Acme Gent" });
    const customer = zapfloorCustomer("11", { vatNumber: BE_VAT, name: "Acme" });
    const matched = decideMatch(
      customer,
      new AccountIndex([exactAccount("a1", { vatNumber: BE_VAT, name: "Zeta" }), lookalike]),
      linksFromPairs([]),
    );
    expect(matched.candidates.map((candidate) => candidate.account.id)).toEqual([accountId("a1")]);
    const ambiguous = decideMatch(
      customer,
      new AccountIndex([
        exactAccount("a1", { vatNumber: BE_VAT, name: "Zeta" }),
        exactAccount("a2", { vatNumber: BE_VAT, name: "Zeta" }),
        lookalike,
      ]),
      linksFromPairs([]),
    );
    expect(ambiguous.outcome).toBe("ambiguous");
    expect(
      ambiguous.candidates.find((candidate) => candidate.account.id === accountId("a3"))?.matchedOn,
    ).toEqual(["name"]);
  });

  it("candidates are cut at maxCandidates", () => {
    const accounts = ["a1", "a2", "a3", "a4"].map((id) => exactAccount(id, { vatNumber: BE_VAT }));
    const decision = decideMatch(
      zapfloorCustomer("11", { vatNumber: BE_VAT }),
      new AccountIndex(accounts),
      linksFromPairs([]),
      {
        maxCandidates: 2,
      },
    );
    expect(decision.candidates).toHaveLength(2);
  });
});
