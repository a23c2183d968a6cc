import { describeError } from "../../db/storage-error";
import { AppError } from "../../errors";
import { ExactApiError } from "../../exact/errors";
import type { Outcome, RecordedError } from "./outbox-store";

export interface RetryPolicy {
  /** Attempts before a transient failure is given up on and the entry marked failed. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long to wait when the division's daily call budget is spent. */
  budgetSpentDelayMs: number;
  /**
   * The least wait after a POST that failed without a refusal (no answer, a 5xx): Exact may still be carrying it
   * out, and the next attempt's `YourRef` look-up must come after it has.
   */
  unknownOutcomeDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
  budgetSpentDelayMs: 15 * 60_000,
  unknownOutcomeDelayMs: 60_000,
};

/** Capped exponential backoff: base, 2×base, 4×base… up to the cap. */
export const backoffMs = (attempts: number, policy: RetryPolicy) =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));

export function recordedError(error: unknown): RecordedError {
  if (error instanceof ExactApiError) {
    const { exactMessage, exactStatus, endpoint, reason } = error.facts;
    return {
      message: error.message,
      details: {
        exactStatus,
        endpoint,
        ...(exactMessage ? { exactMessage } : {}),
        ...(reason ? { reason } : {}),
        ...saidOf(error),
      },
    };
  }
  if (error instanceof AppError)
    return { message: error.message, details: { code: error.code, ...saidOf(error) } };
  return { message: describeError(error) };
}

/** The error by reason and params, kept so that a reader can word it in its own language long after. */
export const saidOf = (error: AppError) =>
  error.reason ? { said: { reason: error.reason, params: error.params ?? {} } } : {};

/** Exact refused the request itself: the same request will be refused again until someone fixes the cause. */
export function isRefusal(error: unknown): boolean {
  if (!(error instanceof ExactApiError)) return false;
  if (error.facts.business) return true;
  return !error.facts.transient && error.code !== "rate_limited";
}

/**
 * What an attempt that threw comes to. Refusals (a business rule, a 4xx) fail at once and are never retried
 * blindly; the daily budget being spent waits without counting as an attempt; anything else is retried with
 * backoff until the attempts run out.
 */
export function outcomeOfError(
  error: unknown,
  attempts: number,
  now: number,
  policy: RetryPolicy,
  during: "post" | "other" = "other",
): Outcome {
  const recorded = recordedError(error);
  if (isRefusal(error)) return { state: "failed", error: recorded };
  if (error instanceof AppError && error.code === "rate_limited" && !(error instanceof ExactApiError)) {
    return {
      state: "queued",
      nextAttemptAt: now + policy.budgetSpentDelayMs,
      error: recorded,
      countsAsAttempt: false,
    };
  }
  if (attempts >= policy.maxAttempts) {
    return {
      state: "failed",
      error: { ...recorded, message: `Gave up after ${attempts} attempts: ${recorded.message}` },
    };
  }
  const wait = Math.max(backoffMs(attempts, policy), during === "post" ? policy.unknownOutcomeDelayMs : 0);
  return {
    state: "queued",
    nextAttemptAt: now + wait,
    error: recorded,
    countsAsAttempt: true,
  };
}
