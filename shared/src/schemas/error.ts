import { z } from "zod";
import {
  ERROR_CODES,
  ERROR_REASONS,
  type ErrorReason,
  PROBLEM_CODES,
  type ProblemCode,
} from "./problem-codes";

export const errorCodeSchema = z.enum(ERROR_CODES);

export const errorReasonSchema = z.enum(ERROR_REASONS);
export type { ErrorReason };

/** The values an error's or a problem's English message names, by name: what a translation puts in its place. */
export const errorParamsSchema = z.record(z.string(), z.string());

/** An error by its reason, with the values its English names: what a reader translates a recorded error by. */
export const errorSaidSchema = z
  .object({ reason: errorReasonSchema, params: errorParamsSchema })
  .meta({ id: "ErrorReason" });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z
        .string()
        .meta({ description: "Plain English, for logs and integrators; translate by `reason`." }),
      reason: errorReasonSchema.optional().meta({
        description:
          "What exactly was refused or failed, by a stable name (`code` is only its kind): a request of the wrong shape (`invalid_request`, each field's problem in `details.problems` by its own `code`), a missing, invalid or wrong-role token, a refused webhook URL, and the 404s, 409s, 429s and 5xx a caller can meet. A client shows the error in its own language by it and `params`.",
      }),
      params: errorParamsSchema.optional().meta({
        description:
          "The values `message` names, for a translation by `reason`: `invoice`, `customer`, `account`, `division`, `status`, `fields` (the request's fields concerned), `endpoint`, `event`, `token`, `role` and `needed` (token roles), `refusal` and `host` (a refused webhook URL), and `exactMessage` (what Exact Online said, verbatim, with `exactLang` when Exact named its language).",
        example: { account: "Bakkerij De Vries B.V.", customer: "1042" },
      }),
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
    params: errorParamsSchema.optional(),
  })
  .meta({ id: "ValidationProblem" });
export type ApiValidationProblem = z.infer<typeof validationProblemSchema>;
