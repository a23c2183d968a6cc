import { describe, expect, it } from "vitest";
import { plainText } from "./text-rules";

const name = plainText(200);

describe("plain text (names, address lines)", () => {
  it.each([
    "Select Offices from Gent BV",
    "Drop & Go BVBA",
    "O'Brien & Zonen",
    "<Acme> Labs",
    "Ünal Dönerci GmbH",
    "ACME; DELETE Ltd",
    "Café Zoë B.V.",
    "Müller GmbH & Co. KG",
    "L'Oréal (Belgium) SA",
    "100% Design BV",
    "A+B Architects / Studio 2",
    "Update Settings Consultancy",
    "'; DROP TABLE links; --",
    "<script>alert(1)</script>",
    "a=b {c} `d` \\e",
    "Æon Ørsted Łódź",
    "Ελληνική Εταιρεία ΑΕ",
    "株式会社 東京",
    "می‌خواهم Trading", // a zero-width non-joiner, as Persian spells it
    "Emoji 🚀 Ventures",
    "A".repeat(200),
    `${"Long Company Name ".repeat(11)}BV`.slice(0, 200),
  ])("accepts %j as it is", (value) => {
    expect(name.parse(value)).toBe(value);
  });

  it.each([
    ["NUL", "Acme\u0000NV"],
    ["a tab", "Acme\tNV"],
    ["a new line", "Acme\nNV"],
    ["a C1 control", "Acme\u0085NV"],
    ["an escape", "Acme\u001bNV"],
    ["a bidi override", "\u202Eevil"],
    ["a zero-width space", "Ac\u200Bme"],
    ["a byte-order mark inside", "Ac\uFEFFme"],
    ["a lone high surrogate", "Acme \ud800 NV"],
    ["a lone low surrogate", "Acme \udc00 NV"],
    ["a line separator", "Acme\u2028NV"],
    ["201 characters", "A".repeat(201)],
  ])("refuses %s", (_, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it("trims, and counts the limit after trimming", () => {
    expect(name.parse("  Acme  ")).toBe("Acme");
    expect(plainText(3).safeParse(" abcd ").success).toBe(false);
  });
});
