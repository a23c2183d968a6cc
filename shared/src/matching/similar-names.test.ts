import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AccountIndex } from "./account-index";
import { decideMatch } from "./decide";
import { linksFromPairs } from "./links";
import { normaliseName } from "./names";
import { accountId, exactAccount, zapfloorCustomer } from "./testing";
import type { ExactAccountSnapshot } from "./types";

// Names built from a few words, legal forms, punctuation, accents and case, so that equal normalised names
// written differently come up often.
const word = fc.constantFrom(
  "Acme",
  "ACME",
  "acmé",
  "Advies",
  "Rotterdam",
  "Zoë",
  "Zoe",
  "O'Brien",
  "A",
  "B",
);
const legalForm = fc.constantFrom("", "BV", "B.V.", "NV", "n.v.", "BVBA", "GmbH & Co. KG", "Ltd", "SA");
const separator = fc.constantFrom(" ", " & ", "-", ", ", " . ");
const name = fc
  .tuple(legalForm, fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 3 }), legalForm)
  .map(([before, words, after]) =>
    [before, words.map(([w, s]) => `${w}${s}`).join(""), after].filter((part) => part !== "").join(" "),
  );

const accounts = fc
  .array(
    fc.record({
      name,
      status: fc.constantFrom("C" as const, "P" as const, "S" as const, "A" as const),
      blocked: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map(
      (row, i): ExactAccountSnapshot =>
        exactAccount(`a${i}`, { name: row.name, status: row.status, blocked: row.blocked }),
    ),
  );

const poolOptions = fc.constantFrom({}, { maxTokenFrequency: 1, poolSize: 1 }, { maxTokenFrequency: 0 });

describe("a created customer never has the name of an Exact customer", () => {
  it("when no identifier decides, a customer whose normalised name an Exact customer carries is never `create`", () => {
    fc.assert(
      fc.property(name, accounts, poolOptions, (customerName, rows, options) => {
        const customer = zapfloorCustomer("11", { name: customerName });
        const decision = decideMatch(customer, new AccountIndex(rows, options), linksFromPairs([]));
        const normalised = normaliseName(customerName);
        const twin = rows.find(
          (row) => row.status === "C" && normalised !== "" && normaliseName(row.name) === normalised,
        );
        if (twin) {
          expect(decision.outcome).toBe("review");
          expect(decision.reasons.map((reason) => reason.code)).toEqual(["similar_name_exists"]);
        }
        if (decision.outcome === "create") expect(twin).toBeUndefined();
      }),
    );
  });

  it("names the account it found, and every customer with that name is a candidate", () => {
    const rows = [
      exactAccount("a1", { name: "Advies Rotterdam B.V." }),
      exactAccount("a2", { name: "BV Advies-Rotterdam" }),
    ];
    const decision = decideMatch(
      zapfloorCustomer("2003", { name: "Advies Rotterdam BV" }),
      new AccountIndex(rows),
      linksFromPairs([]),
    );
    const [reason] = decision.reasons;
    expect(reason).toMatchObject({ code: "similar_name_exists", accountId: accountId("a1") });
    expect(reason?.message).toContain('"Advies Rotterdam B.V."');
    expect(reason?.message).toContain('"BV Advies-Rotterdam"');
    expect(decision.candidates.map((candidate) => candidate.account.id)).toEqual([
      accountId("a1"),
      accountId("a2"),
    ]);
  });
});
