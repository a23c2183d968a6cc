import { z } from "zod";

export const errorCodeSchema = z.enum([
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
]);

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: "Error", description: "The one error shape of every endpoint." });
export type ApiErrorBody = z.infer<typeof errorBodySchema>;

/**
 * What one problem of a refused request or a parked invoice is, by a stable name, with the values its English
 * `message` names in `params` (codes, descriptions, rates; `valid`: the division's valid codes, `more`: how
 * many beyond those). Clients translate by `code`; a problem without one is shown in the proxy's English.
 */
export const problemCodeSchema = z.enum([
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
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const validationProblemSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    code: problemCodeSchema.optional(),
    params: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "ValidationProblem" });
export type ApiValidationProblem = z.infer<typeof validationProblemSchema>;
