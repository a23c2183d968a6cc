/** Exact's account `Code` is a fixed-length field: left-padded with spaces to 18 characters [S4; S8; S12f]. */
export const EXACT_CODE_LENGTH = 18;

export interface CodeComparisonOptions {
  /**
   * Treat "0000011" and "11" as equal when both are all digits and equal as integers: some divisions
   * number accounts zero-padded inside the 18 characters ("           0000011") [S11 create-customer].
   */
  zeroPaddedNumericEqual: boolean;
}

const defaultCodeComparison: CodeComparisonOptions = { zeroPaddedNumericEqual: true };
const ALL_DIGITS = /^\d+$/;
const LEADING_ZEROS = /^0+(?=\d)/;

/** Exact's `Code` without its padding; undefined when blank. */
export function normaliseCode(raw: string | null | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

/** `SearchCode` for comparison: trimmed (older values are right-padded to 9 [S8]) and upper-cased. */
export function normaliseSearchCode(raw: string | null | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  // The same string when nothing changes case: an index then holds one copy of the code, not two.
  const upper = trimmed.toUpperCase();
  return upper === trimmed ? trimmed : upper;
}

/**
 * The key under which a Code, SearchCode or zapfloor number is compared: trimmed and upper-cased, and
 * for an all-digit value (when enabled) the integer without leading zeros. Undefined when blank.
 */
export function codeMatchKey(
  raw: string | number | null | undefined,
  options: CodeComparisonOptions = defaultCodeComparison,
): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = normaliseSearchCode(String(raw));
  if (text === undefined) return undefined;
  return (options.zeroPaddedNumericEqual && significantDigits(text)) || text;
}

export function isAllDigits(text: string): boolean {
  return ALL_DIGITS.test(text);
}

/** An all-digit value without its leading zeros ("0000011" → "11", "000" → "0"); undefined for any other. */
export function significantDigits(text: string): string | undefined {
  if (!ALL_DIGITS.test(text)) return undefined;
  return text.charCodeAt(0) === 48 ? text.replace(LEADING_ZEROS, "") : text;
}

/** Does an Exact Code (or SearchCode) name this zapfloor customer number? */
export function codesEqual(
  exactCode: string | null | undefined,
  zapfloorNumber: string | number | null | undefined,
  options: CodeComparisonOptions = defaultCodeComparison,
): boolean {
  const left = codeMatchKey(exactCode, options);
  return left !== undefined && left === codeMatchKey(zapfloorNumber, options);
}

/**
 * The Code as Exact stores it, for an OData `$filter` such as `Code eq '                25'`: an unpadded
 * value silently matches nothing [S12f; picqer #129, #316]. Throws a RangeError for a blank code or one longer
 * than 18 characters, which cannot be an Exact Code. Escaping quotes for OData is the caller's job.
 */
export function padCodeForFilter(code: string | number): string {
  const trimmed = String(code).trim();
  if (trimmed === "" || trimmed.length > EXACT_CODE_LENGTH) {
    throw new RangeError(`An Exact Code has 1 to ${EXACT_CODE_LENGTH} characters; got "${trimmed}".`);
  }
  return trimmed.padStart(EXACT_CODE_LENGTH, " ");
}
