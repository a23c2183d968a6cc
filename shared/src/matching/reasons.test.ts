import { describe, expect, it } from "vitest";
import { reasons } from "./reasons";

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
