import { hash } from "node:crypto";
import type { Clock } from "@zapfloor-exact/shared/clock";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

export interface ApiRateLimit {
  /** Requests a minute for one token, sustained; up to as many may come at once. */
  perMinute: number;
  /** Tokens kept in mind at most; past it the longest unseen is forgotten (its bucket starts full again). */
  maxTokens?: number;
}

/** About 200 bytes each: a flood of made-up tokens costs at most some 20 MB. */
const MAX_TOKENS = 100_000;

/** Tokens not seen for this long are forgotten: their bucket would be full again anyway. */
const IDLE_MS = 5 * 60_000;

/**
 * A token bucket per bearer token, in this process: a caller sending faster than `perMinute` gets 429 with
 * `Retry-After`. Keyed by the token's hash, before authentication, so a flood of wrong tokens is limited too;
 * requests without a token (webhooks, health, consent pages) are not counted here. The buckets are bounded, as
 * every made-up token would otherwise take one.
 */
export function apiRateLimit(limit: ApiRateLimit, clock: Clock) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  const maxTokens = limit.maxTokens ?? MAX_TOKENS;
  let lastSweep = clock.now();

  const sweep = (now: number) => {
    if (now - lastSweep < IDLE_MS) return;
    lastSweep = now;
    for (const [key, bucket] of buckets) if (now - bucket.at > IDLE_MS) buckets.delete(key);
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) return next();
    const key = hash("sha256", header, "base64url");
    const now = clock.now();
    sweep(now);
    const bucket = buckets.get(key) ?? { tokens: limit.perMinute, at: now };
    bucket.tokens = Math.min(limit.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    // Kept in the order last seen, so that the first is the one to forget.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxTokens) {
      const longestUnseen = buckets.keys().next().value;
      if (longestUnseen !== undefined) buckets.delete(longestUnseen);
    }
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new AppError(
        "rate_limited",
        `This API token sent more than ${limit.perMinute} requests a minute. Try again in ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
        { said: { reason: "too_many_requests", params: { seconds: String(retryAfterSeconds) } } },
      );
    }
    bucket.tokens -= 1;
    return next();
  });
}
