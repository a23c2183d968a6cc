// Without zod: the extension's content script translates problems by these codes and stays small.
/**
 * What one problem of a refused request or a parked invoice is, by a stable name, with the values its English
 * `message` names in `params` (codes, descriptions, rates; `valid`: the division's valid codes, `more`: how
 * many beyond those). Clients translate by `code`; a problem without one is shown in the proxy's English.
 */
export const PROBLEM_CODES = [
  "journal_unknown",
  "journal_not_sales",
  "sales_journal_needed",
  "gl_unknown",
  "gl_balance_sheet",
  "gl_not_revenue",
  "vat_unknown",
  "vat_blocked",
  "vat_purchase",
  "vat_including",
  "vat_rate_mismatch",
  "no_sales_journal",
  "journal_gone",
  "gl_key_unmapped",
  "gl_gone",
  "vat_no_percentage",
  "vat_rate_unmapped",
  "total_mismatch",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Whether a code is one of the problem codes this build knows. */
export function isProblemCode(code: string): code is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(code);
}
