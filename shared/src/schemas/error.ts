import { z } from "zod";
import { PROBLEM_CODES, type ProblemCode } from "./problem-codes";

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

export const problemCodeSchema = z.enum(PROBLEM_CODES);
export type { ProblemCode };

export const validationProblemSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    code: problemCodeSchema.optional(),
    params: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "ValidationProblem" });
export type ApiValidationProblem = z.infer<typeof validationProblemSchema>;
