import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiWords, unicodeWords } from "./name-words";

describe("name words", () => {
  it.each([
    ["Acme B.V.", ["acme", "bv"]],
    ["O'Brien & Sons Ltd.", ["obrien", "sons", "ltd"]],
    ["x . y", ["x", "y"]],
    [".NET-Studio_2", ["net", "studio", "2"]],
  ])("%j splits into %j", (name, words) => {
    expect(asciiWords(name)).toEqual(words);
    expect(unicodeWords(name)).toEqual(words);
  });

  it("the ASCII reader declines names with other characters", () => {
    expect(asciiWords("Café Zoë")).toBeUndefined();
    expect(unicodeWords("Café Zoë")).toEqual(["cafe", "zoe"]);
  });

  it("for any printable ASCII name both readers give the same words", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..." .'`-&_/aAbBzZ09xX".split("")), maxLength: 24 });
    const printable = fc
      .string({ unit: "binary-ascii", maxLength: 24 })
      .map((s) => s.replace(/[^\x20-\x7e]/g, " "));
    fc.assert(
      fc.property(fc.oneof(ascii, printable), (name) => {
        expect(asciiWords(name)).toEqual(unicodeWords(name));
      }),
    );
  });
});
