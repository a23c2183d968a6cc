import { errorCodeSchema, type ProblemCode } from "@zapfloor-exact/shared/schemas/error";
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

/** The one domain error: services throw it, the app's error handler turns it into the API's error shape. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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

export const validationError = (problems: ValidationProblem[], message = "The request is not valid.") =>
  new AppError("validation", message, { problems });

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    },
  };
}
