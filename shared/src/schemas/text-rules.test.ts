import { describe, expect, it } from "vitest";
import { plainText } from "./text-rules";

const name = plainText(200);

describe("plain text (names, address lines)", () => {
  it.each([
    "Café Zoë B.V.",
    "O'Brien & Sons Ltd",
    "Müller GmbH & Co. KG",
    "L'Oréal (Belgium) SA",
    "100% Design BV",
    "A+B Architects / Studio 2",
    "Drop Zone BV",
    "Select Office Supplies",
    "Æon Ørsted Łódź",
  ])("accepts %j", (value) => {
    expect(name.safeParse(value).success).toBe(true);
  });

  it.each([
    ["markup", "<script>alert(1)</script>"],
    ["an entity", "&lt;b&gt;"],
    ["a statement", "'; DROP TABLE links; --"],
    ["a tautology", "1' OR '1'='1"],
    ["a union probe", "' UNION SELECT token_hash FROM api_tokens"],
    ["a comment", "admin'--"],
    ["NUL", "Acme\u0000NV"],
    ["a bidi override", "\u202Eevil"],
    ["a zero-width space", "Ac\u200Bme"],
    ["a lone surrogate", "Acme \ud800"],
    ["a line separator", "Acme\u2028NV"],
  ])("refuses %s", (_, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it("trims, and counts the limit after trimming", () => {
    expect(name.parse("  Acme  ")).toBe("Acme");
    expect(plainText(3).safeParse(" abcd ").success).toBe(false);
  });
});
