import { EXPECTED_FORMATS, EXPECTED_KINDS } from "@zapfloor-exact/shared/schemas/problem-codes";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import { describeApiProblem, describeApiProblems } from "./api-problems";

const nl = createTranslator("nl");
const fr = createTranslator("fr");
const en = createTranslator("en");

describe("the proxy's problems in the reader's language", () => {
  it("names the wrong code and lists the division's valid ones", () => {
    const problem = {
      path: "body.salesJournal",
      message:
        "journal 60 (Aankoopdagboek) is not a sales journal; its sales journals are 70 (Verkoopdagboek)",
      code: "journal_not_sales" as const,
      params: { code: "60", description: "Aankoopdagboek", valid: "70 (Verkoopdagboek)", more: "0" },
    };
    expect(describeApiProblem(nl, problem)).toBe(
      "Dagboek 60 (Aankoopdagboek) is geen verkoopdagboek. Verkoopdagboeken van deze administratie: 70 (Verkoopdagboek).",
    );
    expect(describeApiProblem(fr, problem)).toBe(
      "Le journal 60 (Aankoopdagboek) n'est pas un journal de vente. Journaux de vente de ce dossier : 70 (Verkoopdagboek).",
    );
  });

  it("leaves out the parentheses of a journal or G/L account without a description", () => {
    const journal = {
      path: "body.salesJournal",
      message: "journal 60 (no description) is not a sales journal",
      code: "journal_not_sales" as const,
      params: { code: "60", description: "" },
    };
    expect(describeApiProblem(en, journal)).toBe("Journal 60 is not a sales journal.");
    expect(describeApiProblem(nl, journal)).toBe("Dagboek 60 is geen verkoopdagboek.");
    const account = {
      path: "body.glMapping.desk",
      message: "GL account 4000 (no description) is a cost account, not a revenue account",
      code: "gl_not_revenue" as const,
      params: { code: "4000", description: "" },
    };
    expect(describeApiProblem(fr, account)).toBe(
      "Le compte général 4000 sert aux charges, pas aux produits.",
    );
    expect(describeApiProblem(en, { ...account, params: { code: "4000", description: "Inkoop" } })).toBe(
      "G/L account 4000 (Inkoop) is for costs, not revenue.",
    );
  });

  it("says how many more valid codes there are, and when there are none", () => {
    const base = { path: "body.glMapping.desk", message: "…", code: "gl_unknown" as const };
    expect(
      describeApiProblem(en, { ...base, params: { code: "9999", valid: "700000, 700100", more: "7" } }),
    ).toBe(
      "G/L account 9999 does not exist in this division. Revenue G/L accounts of this division: 700000, 700100 and 7 more (see the pickers).",
    );
    expect(describeApiProblem(nl, { ...base, params: { code: "9999", valid: "", more: "0" } })).toBe(
      "Grootboekrekening 9999 bestaat niet in deze administratie. Deze administratie heeft geen omzetgrootboekrekeningen.",
    );
  });

  it("fills in the values of a parked invoice's problem", () => {
    expect(
      describeApiProblem(nl, {
        path: "body.lines[0].vatRate",
        message: "no Exact VAT code is mapped for 21% in this division",
        code: "vat_rate_unmapped",
        params: { rate: "21" },
      }),
    ).toBe("Voor 21% is geen btw-code ingesteld in de boekingsinstellingen van deze administratie.");
  });

  it("leaves a problem without a known code to the proxy's English, and then the whole list", () => {
    const unknown = { path: "body.lines[0].description", message: "is longer than 60 characters" };
    const known = { path: "settings.salesJournal", message: "…", code: "no_sales_journal" as const };
    expect(describeApiProblem(nl, unknown)).toBeNull();
    expect(describeApiProblem(nl, { ...unknown, code: "from_a_newer_proxy" as never })).toBeNull();
    expect(describeApiProblems(nl, [known, unknown])).toBeNull();
    expect(describeApiProblems(nl, [known])).toEqual([
      "Deze administratie heeft nog geen verkoopdagboek: bewaar eerst de boekingsinstellingen.",
    ]);
    expect(describeApiProblems(nl, [])).toBeNull();
  });

  it("says what a request's field should have been, in Dutch and French, with no English left", () => {
    const english = /\b(the|must|missing|expected|text|number|list|items|characters|may|valid|not)\b/i;
    const field = "body.vatMapping.rates.abc";
    const shapes = [
      { code: "field_missing", params: {} },
      { code: "field_empty", params: {} },
      { code: "text_too_short", params: { minimum: "2" } },
      { code: "text_too_long", params: { maximum: "50" } },
      { code: "list_too_short", params: { minimum: "1" } },
      { code: "list_too_long", params: { maximum: "20" } },
      { code: "number_too_small", params: { minimum: "1" } },
      { code: "number_too_big", params: { maximum: "1000" } },
      { code: "number_not_whole", params: {} },
      { code: "field_value", params: { values: "invoice, credit_note" } },
      { code: "field_unknown", params: { keys: "colour" } },
      { code: "field_control_characters", params: {} },
      { code: "vat_rate_twice", params: { other: "21" } },
      { code: "field_invalid", params: {} },
      ...EXPECTED_KINDS.map((expected) => ({ code: "field_wrong_type", params: { expected } })),
      ...EXPECTED_FORMATS.map((format) => ({
        code: "field_format",
        params: { format, pattern: "/^[0-9]+$/" },
      })),
    ] as const;
    expect(new Set(shapes.map((shape) => shape.code)).size).toBe(16);
    for (const t of [nl, fr]) {
      for (const shape of shapes) {
        const text = describeApiProblem(t, {
          path: field,
          message: "English",
          ...shape,
          params: { field, ...shape.params },
        });
        const where = `${shape.code} ${JSON.stringify(shape.params)}: ${text}`;
        expect(text, where).not.toBeNull();
        expect(text, where).toContain(field);
        expect(text!.replace(field, "").replace("invoice, credit_note", ""), where).not.toMatch(english);
        expect(text, where).not.toMatch(/\{\w+\}/);
      }
    }
    expect(
      describeApiProblem(nl, {
        path: field,
        message: 'must be a VAT rate in percent, e.g. "21" or "5.5"',
        code: "field_format",
        params: { field, format: "vat_rate" },
      }),
    ).toBe(`${field} heeft niet de verwachte vorm: een btw-percentage, bv. 21 of 5.5.`);
    expect(
      describeApiProblem(fr, {
        path: "body.customer.name",
        message: "Invalid input: expected string, received number",
        code: "field_wrong_type",
        params: { field: "body.customer.name", expected: "text" },
      }),
    ).toBe("body.customer.name doit être du texte.");
    expect(
      describeApiProblem(en, {
        path: "query.limit",
        message: "Too big: expected number to be <=500",
        code: "number_too_big",
        params: { field: "query.limit", maximum: "500" },
      }),
    ).toBe("query.limit may be at most 500.");
  });
});
