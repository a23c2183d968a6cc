import type { Clock } from "@zapfloor-exact/shared/clock";

export interface RateLimits {
  minutely: number;
  daily: number;
}

export type RateLimitDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; window: "minutely" | "daily"; headers: Record<string, string> };

interface Usage {
  minute: number;
  minuteCount: number;
  day: number;
  dayCount: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Exact's limits per (client id, division): a minutely window that ends at the next full minute and a daily one
 * that resets at 00:00 UTC; resets are UTC epoch milliseconds. A 429 carries only the headers of the exhausted
 * window [exact-online-api.md §6, S12a, S6, I-picqer-646].
 */
export class RateLimiter {
  readonly #usage = new Map<string, Usage>();

  constructor(
    private readonly clock: Clock,
    public limits: RateLimits,
  ) {}

  consume(clientId: string, division: number): RateLimitDecision {
    const now = this.clock.now();
    const usage = this.#current(`${clientId}|${division}`, now);
    const minuteReset = (usage.minute + 1) * MINUTE;
    const dayReset = (usage.day + 1) * DAY;
    const daily = (remaining: number) => ({
      "X-RateLimit-Limit": String(this.limits.daily),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": String(dayReset),
    });
    const minutely = (remaining: number) => ({
      "X-RateLimit-Minutely-Limit": String(this.limits.minutely),
      "X-RateLimit-Minutely-Remaining": String(remaining),
      "X-RateLimit-Minutely-Reset": String(minuteReset),
    });
    if (usage.dayCount >= this.limits.daily) return { allowed: false, window: "daily", headers: daily(0) };
    if (usage.minuteCount >= this.limits.minutely)
      return { allowed: false, window: "minutely", headers: minutely(0) };
    usage.dayCount++;
    usage.minuteCount++;
    return {
      allowed: true,
      headers: {
        ...daily(this.limits.daily - usage.dayCount),
        ...minutely(this.limits.minutely - usage.minuteCount),
      },
    };
  }

  /** Headers of an injected minutely 429 (a burst fault), consistent with the current window. */
  minutelyExhaustedHeaders(): Record<string, string> {
    const reset = (Math.floor(this.clock.now() / MINUTE) + 1) * MINUTE;
    return {
      "X-RateLimit-Minutely-Limit": String(this.limits.minutely),
      "X-RateLimit-Minutely-Remaining": "0",
      "X-RateLimit-Minutely-Reset": String(reset),
    };
  }

  usage(clientId: string, division: number): { minutely: number; daily: number } {
    const usage = this.#current(`${clientId}|${division}`, this.clock.now());
    return { minutely: usage.minuteCount, daily: usage.dayCount };
  }

  reset(): void {
    this.#usage.clear();
  }

  #current(key: string, now: number): Usage {
    const minute = Math.floor(now / MINUTE);
    const day = Math.floor(now / DAY);
    let usage = this.#usage.get(key);
    if (!usage) {
      usage = { minute, minuteCount: 0, day, dayCount: 0 };
      this.#usage.set(key, usage);
    }
    if (usage.minute !== minute) {
      usage.minute = minute;
      usage.minuteCount = 0;
    }
    if (usage.day !== day) {
      usage.day = day;
      usage.dayCount = 0;
    }
    return usage;
  }
}
