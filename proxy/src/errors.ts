import { type ErrorReason, errorCodeSchema, type ProblemCode } from "@zapfloor-exact/shared/schemas/error";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const errorCodes = errorCodeSchema.options;
export type ErrorCode = (typeof errorCodes)[number];

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  // A load balancer takes a replica answering 503 out; `/ready` says why.
  storage_full: 503,
  storage_busy: 503,
  storage_unavailable: 503,
  upstream: 502,
  internal: 500,
};

/** What an error is by a stable name, and the values its English message names: clients translate by it. */
export interface Said {
  reason: ErrorReason;
  params?: Record<string, string>;
}

/** The one domain error: services throw it, the app's error handler turns it into the API's error shape. */
export class AppError extends Error {
  override name = "AppError";
  readonly reason?: ErrorReason;
  readonly params?: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown; said?: Said },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.said) {
      this.reason = options.said.reason;
      if (options.said.params) this.params = options.said.params;
    }
  }

  get status(): ContentfulStatusCode {
    return statusOf[this.code];
  }
}

export interface ValidationProblem {
  path: string;
  message: string;
  /** What is wrong by a stable name, and the values the message names: clients translate by it. */
  code?: ProblemCode;
  params?: Record<string, string>;
}

/** The fields a request's problems name, for the error's own `invalid_request` reason. */
const fieldsOf = (problems: ValidationProblem[]) =>
  [...new Set(problems.map((problem) => problem.path))].join(", ");

/** A refused request with every problem it has; by default its reason is `invalid_request`, naming the fields. */
export const validationError = (
  problems: ValidationProblem[],
  message = "The request is not valid.",
  said: Said = { reason: "invalid_request", params: { fields: fieldsOf(problems) } },
) => new AppError("validation", message, { problems }, { said });

export const notFound = (what: string, said?: Said) =>
  new AppError("not_found", `${what} was not found.`, undefined, said ? { said } : undefined);

/** A refusal a bookkeeper can meet: its kind, its English message, and the same by reason and params. */
export const refused = (code: ErrorCode, said: Said, message: string, details?: unknown) =>
  new AppError(code, message, details, { said });

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    reason?: ErrorReason;
    params?: Record<string, string>;
    details?: unknown;
    requestId: string;
  };
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.params ? { params: error.params } : {}),
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    },
  };
}
