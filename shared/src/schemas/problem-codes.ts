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

/**
 * What a whole refused request was refused for (a 404, 409, 429 or 5xx), by a stable name, with the values its
 * English `message` names in `params`: `invoice`, `customer` (zapfloor numbers), `account` (an Exact account's
 * name, or its id where the proxy has no name), `division`, `status`, and `exactMessage` (what Exact said,
 * verbatim, in Exact's language: `exactLang` when Exact named it). Clients translate by it; an error without one
 * is shown in the proxy's English.
 */
export const ERROR_REASONS = [
  // 404
  "division_not_connected",
  "exact_not_connected",
  "account_not_in_mirror",
  "account_not_linked",
  "customer_unknown",
  "invoice_not_found",
  // 409
  "mirror_not_loaded",
  "mirror_outdated",
  "changed_in_exact",
  "customer_needs_review",
  "invoice_not_bookable",
  "invoice_already_booked",
  "invoice_being_pushed",
  "invoice_booked_differently",
  "invoice_pushing_differently",
  "account_linked_elsewhere",
  "customer_linked_elsewhere",
  "link_changed_meanwhile",
  "account_deleted",
  "account_not_customer",
  "account_blocked",
  "vat_fix_not_possible",
  "vat_number_taken",
  "customer_being_created",
  "created_not_linked",
  // 400 (a customer an invoice brings along that cannot be created in Exact as it is)
  "customer_number_too_long",
  "customer_fields_too_long",
  // 429
  "exact_rate_limited",
  "exact_daily_limit",
  "full_sync_too_soon",
  "too_many_requests",
  // Exact's failures (502)
  "exact_refused",
  "exact_rejected",
  "exact_failed",
  "exact_no_answer",
  "exact_access_refused",
  "exact_record_missing",
  "exact_unexpected_answer",
  "exact_create_no_answer",
  "exact_token_failed",
  "exact_reconnect_needed",
  "exact_app_rejected",
  // the proxy's own (500, 503)
  "internal",
  "storage_full",
  "storage_busy",
  "storage_unavailable",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Whether a reason is one of the error reasons this build knows. */
export function isErrorReason(reason: string): reason is ErrorReason {
  return (ERROR_REASONS as readonly string[]).includes(reason);
}
