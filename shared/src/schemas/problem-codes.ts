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
  // A request's shape, as the API's schemas want it; `field` names it (`body.lines[0].amount`, `query.limit`).
  "field_missing",
  /** `expected`: one of EXPECTED_KINDS. */
  "field_wrong_type",
  "field_empty",
  /** `minimum` / `maximum`: characters of a text, items of a list, or the number itself. */
  "text_too_short",
  "text_too_long",
  "list_too_short",
  "list_too_long",
  "number_too_small",
  "number_too_big",
  "number_not_whole",
  /** `format`: one of EXPECTED_FORMATS; `pattern` for a `pattern`. */
  "field_format",
  /** `values`: the allowed values, comma-separated. */
  "field_value",
  /** `keys`: the fields the API does not know, comma-separated. */
  "field_unknown",
  "field_control_characters",
  /** `other`: the key already giving the same VAT rate ("21" beside "21.0"). */
  "vat_rate_twice",
  "field_invalid",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** What a field of the wrong type should have been (`field_wrong_type`'s `expected`). */
export const EXPECTED_KINDS = ["text", "number", "boolean", "list", "object"] as const;
/** What form a text should have had (`field_format`'s `format`). */
export const EXPECTED_FORMATS = ["uuid", "url", "email", "date", "amount", "vat_rate", "pattern"] as const;

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
  // 413; `kb`: the route's limit in KB
  "body_too_large",
  // 400 (a customer an invoice brings along that cannot be created in Exact as it is)
  "customer_number_too_long",
  "customer_fields_too_long",
  // 400: the request's shape (each field in `details.problems`); `fields`: the fields concerned, comma-separated
  "invalid_request",
  // API tokens (401, 403, 404) and pairing codes (400, 404, 429); `role`, `needed`: integration or bookkeeper
  "token_missing",
  "token_invalid",
  "token_wrong_role",
  "token_not_found",
  "tenant_unknown",
  "pairing_code_invalid",
  "pairing_code_attempts",
  // webhook endpoints (400, 404, 409); `endpoint`, `event`: their ids; `refusal`: one of WEBHOOK_URL_REFUSALS
  "webhook_url_refused",
  "webhook_endpoint_not_found",
  "webhook_endpoints_full",
  "event_not_found",
  // 429
  "exact_rate_limited",
  /** A person's write would wait longer than they do for Exact's next minute; `seconds`: when to try again. */
  "exact_minute_used",
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
  // A push's last attempt as recorded before its reason was kept, told from what it kept: `kind`, the error's
  // kind (one of RECORDED_KINDS)
  "match_failed",
  "attempt_failed",
  // the proxy's own (500, 503)
  "internal",
  "storage_full",
  "storage_busy",
  "storage_unavailable",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** What kind of error an error is, by its `code` (its HTTP status follows from it). */
export const ERROR_CODES = [
  "validation",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "upstream",
  "rate_limited",
  "too_large",
  "storage_full",
  "storage_busy",
  "storage_unavailable",
  "internal",
] as const;

/**
 * The kinds of error a push's attempt kept before its reason was (`match_failed`'s and `attempt_failed`'s
 * `kind`): an error's code, or `database_error` for a failed query it kept no more of.
 */
export const RECORDED_KINDS = [...ERROR_CODES, "database_error"] as const;
export type RecordedKind = (typeof RECORDED_KINDS)[number];

/** Why a webhook URL is refused (`webhook_url_refused`'s `refusal`), with the `host` where it names one. */
export const WEBHOOK_URL_REFUSALS = [
  "credentials",
  "fragment",
  "this_proxy",
  "unresolved",
  "private_address",
  "mixed_addresses",
  "not_https",
] as const;
export type WebhookUrlRefusal = (typeof WEBHOOK_URL_REFUSALS)[number];

/** Whether a reason is one of the error reasons this build knows. */
export function isErrorReason(reason: string): reason is ErrorReason {
  return (ERROR_REASONS as readonly string[]).includes(reason);
}
