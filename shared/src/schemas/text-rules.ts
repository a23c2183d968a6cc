import { z } from "zod";

/**
 * What no name or address line can hold: control characters (C0, C1), unpaired surrogates, line and paragraph
 * separators, and the invisible format controls (bidi overrides, zero-width spaces, BOM) — except the zero-width
 * joiner and non-joiner, which Persian, Indic and other scripts need to spell names.
 */
const CONTROL = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;

// `problem`: what the proxy's error names this refusal by, for clients to say it in their own language.
const noControl = {
  message: "contains control or invisible characters",
  params: { problem: "field_control_characters" },
};

/**
 * A name or an address line as a person typed it: any real text is data ("<Acme> Labs", "ACME; DELETE Ltd",
 * "O'Brien & Zonen"), stored as given and escaped wherever it is shown; SQL is always parameterised. Only
 * control characters, unpaired surrogates and overlong values are refused.
 */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), noControl);

/** A search box: bounded, no control characters. */
export const searchText = z
  .string()
  .trim()
  .max(100, "at most 100 characters")
  .refine((value) => !CONTROL.test(value), noControl);
