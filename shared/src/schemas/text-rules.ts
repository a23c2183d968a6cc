import { z } from "zod";

/**
 * Control, format (zero-width, bidi overrides, BOM), private-use, unassigned and surrogate code points, and
 * line/paragraph separators: nothing a person types into a company name or an address.
 */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;
/** Markup and SQL punctuation have no place in a name or address; refusing them keeps the data plain. */
const MARKUP_OR_SQL_PUNCTUATION = /[<>;{}\\`=]|--|\/\*|\*\//;
/**
 * A SQL statement's shape (two keywords that only make sense together). Queries are parameterised, so this is
 * not what keeps the database safe: it keeps probes out of the data zapfloor and Exact show to people.
 */
const SQL_STATEMENT =
  /\b(?:union\b[\s\S]*\bselect|select\b[\s\S]*\bfrom|insert\b[\s\S]*\binto|delete\b[\s\S]*\bfrom|drop\b[\s\S]*\b(?:table|database)|update\b[\s\S]*\bset|alter\b[\s\S]*\btable)\b/i;

/** Free text a person types (a name, an address line): trimmed, bounded, plain. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((value) => !INVISIBLE_OR_CONTROL.test(value), "contains control or invisible characters")
    .refine(
      (value) => !MARKUP_OR_SQL_PUNCTUATION.test(value) && !SQL_STATEMENT.test(value),
      "contains markup or SQL (< > ; { } \\ ` = -- /* or a SQL statement)",
    );

/** A search box: bounded, no control characters. */
export const searchText = z
  .string()
  .trim()
  .max(100, "at most 100 characters")
  .refine((value) => !INVISIBLE_OR_CONTROL.test(value), "contains control or invisible characters");
