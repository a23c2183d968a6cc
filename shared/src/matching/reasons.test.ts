import { describe, expect, it } from "vitest";
import { indexAccount } from "./keys";
import { reasons } from "./reasons";
import { exactAccount } from "./testing";

describe("reason messages read as English", () => {
  it.each([
    [1, "Exact account", "1 Exact account has a similar name; names alone never link."],
    [3, "Exact account", "3 Exact accounts have a similar name; names alone never link."],
    [1, "zapfloor customer", "1 zapfloor customer has a similar name; names alone never link."],
    [2, "zapfloor customer", "2 zapfloor customers have a similar name; names alone never link."],
  ] as const)("%i %s: name suggestions", (count, kind, message) => {
    expect(reasons.nameSuggestions(count, kind).message).toBe(message);
  });
});

describe("similar_name_exists names the accounts", () => {
  const acme = indexAccount(exactAccount("a1", { name: "Acme NV", code: "                11" }));
  const other = indexAccount(exactAccount("a2", { name: "ACME" }));
  it("one account", () => {
    expect(reasons.similarNameExists([acme]).message).toMatch(
      /^Exact customer "Acme NV" \(code 11\) has the same name; no new customer is created\./,
    );
  });
  it("several accounts", () => {
    expect(reasons.similarNameExists([acme, other]).message).toMatch(
      /^Exact customers "Acme NV" \(code 11\), "ACME" have the same name;/,
    );
  });
});
