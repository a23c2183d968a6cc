/** What one response's X-RateLimit-* headers say. Exact sends only the minutely set on a minutely 429 and vice versa. [§6] */
export interface RateLimitReading {
  minutely?: { limit: number; remaining: number; resetAt: number };
  daily?: { limit: number; remaining: number; resetAt: number };
}

export function readRateLimitHeaders(headers: Headers): RateLimitReading {
  const minutely = window(
    headers,
    "X-RateLimit-Minutely-Limit",
    "X-RateLimit-Minutely-Remaining",
    "X-RateLimit-Minutely-Reset",
  );
  const daily = window(headers, "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
  return { ...(minutely ? { minutely } : {}), ...(daily ? { daily } : {}) };
}

function window(headers: Headers, limitName: string, remainingName: string, resetName: string) {
  const limit = integer(headers.get(limitName));
  const remaining = integer(headers.get(remainingName));
  const reset = integer(headers.get(resetName));
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  // Exact sends epoch milliseconds; a value in seconds would be a proxy in between, so accept both.
  return { limit, remaining: Math.max(0, remaining), resetAt: reset < 1e12 ? reset * 1000 : reset };
}

function integer(value: string | null): number | undefined {
  if (value === null || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
