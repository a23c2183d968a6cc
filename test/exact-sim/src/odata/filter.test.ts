import { describe, expect, it } from "vitest";
import { ExactError } from "../http/exact-error";
import { parseExactDate } from "../util/amsterdam-time";
import { defineSchema, plainFields } from "./entity-schema";
import { compileFilter, type FilterCompileOptions } from "./filter-compile";
import { parseFilter } from "./filter-parser";

type Row = Record<string, unknown>;
const schema = defineSchema<Row>(
  "Test.Row",
  "ID",
  plainFields<Row>([
    ["ID", "Edm.Guid"],
    ["Code", "Edm.String"],
    ["Name", "Edm.String"],
    ["Blocked", "Edm.Boolean"],
    ["Timestamp", "Edm.Int64"],
    ["Modified", "Edm.DateTime"],
    ["Amount", "Edm.Double"],
  ]),
);
const row: Row = {
  ID: "454a5d46-ee70-4ed1-9375-9cfedeb138cd",
  Code: "                25",
  Name: "O'Brien & Zn. B.V.",
  Blocked: false,
  Timestamp: 12345,
  Modified: parseExactDate("/Date(1782404464260)/"),
  Amount: 12.5,
};
const exact: FilterCompileOptions = { stringSemantics: "exact" };
const matches = (filter: string, options = exact) => compileFilter(parseFilter(filter), schema, options)(row);

describe("$filter", () => {
  it.each([
    ["Code eq '                25'", true],
    ["Code eq '25'", false],
    ["trim(Code) eq '25'", true],
    ["Name eq 'O''Brien & Zn. B.V.'", true],
    ["ID eq guid'454A5D46-EE70-4ED1-9375-9CFEDEB138CD'", true],
    ["Timestamp gt 12344L", true],
    ["Timestamp gt 12345L", false],
    ["Timestamp ge 12345", true],
    ["Blocked eq false and not (Timestamp lt 100L)", true],
    ["Blocked eq true or Amount le 12.5", true],
    ["Amount gt 12.5M", false],
    ["Modified ge datetime'2026-06-25T16:21:04' and Modified lt datetime'2026-06-25T16:21:05'", true],
    ["startswith(Name, 'O''B') eq true", true],
    ["substringof('Zn.', Name)", true],
    ["endswith(Name, 'BV')", false],
    ["tolower(Name) eq 'o''brien & zn. b.v.'", true],
    ["length(trim(Code)) eq 2", true],
    ["Name ne null", true],
    ["(Code eq 'x' or (Code eq 'y' or trim(Code) eq '25')) and Blocked eq false", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("reads datetime literals as Amsterdam wall-clock time, like the dates Exact writes", () => {
    // /Date(1782404464260)/ is 2026-06-25 16:21:04.260 on the Amsterdam clock.
    expect(matches("Modified eq datetime'2026-06-25T16:21:04.260'")).toBe(true);
  });

  it("compares strings case-insensitively and ignoring trailing spaces only with SQL Server semantics", () => {
    const sql: FilterCompileOptions = { stringSemantics: "sqlServer" };
    expect(matches("Name eq 'o''brien & zn. b.v.   '")).toBe(false);
    expect(matches("Name eq 'o''brien & zn. b.v.   '", sql)).toBe(true);
    expect(matches("Code eq '25'", sql)).toBe(false);
  });

  it.each([
    "Name eq",
    "Name eq 'open",
    "(Name eq 'x'",
    "Name eq 'x')",
    "Nope eq 1",
    "Name eq 1",
    "ID eq 'abc'",
    "Blocked gt true",
    "Name",
    "unknownfn(Name) eq 'x'",
    "ID eq guid'nope'",
    "Modified eq datetime'yesterday'",
  ])("rejects %s with a 400", (filter) => {
    try {
      compileFilter(parseFilter(filter), schema, exact);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExactError);
      expect((error as ExactError).status).toBe(400);
    }
  });

  it("restricts filtering to an allow-list when configured", () => {
    expect(() =>
      compileFilter(parseFilter("Name eq 'x'"), schema, { ...exact, filterable: new Set(["Code"]) }),
    ).toThrow(ExactError);
    expect(
      compileFilter(parseFilter("Code eq 'x'"), schema, { ...exact, filterable: new Set(["Code"]) })(row),
    ).toBe(false);
  });
});
