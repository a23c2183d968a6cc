import type { Clock } from "@zapfloor-exact/shared/clock";
import type { Db } from "../db/client";
import { applyReading, ensureBudgetRow, readBudget, takeCallSlot } from "../db/rate-budget-store";
import { AppError } from "../errors";
import type { RateLimitReading } from "./rate-limit-headers";

export interface RateLimits {
  minutely: number;
  daily: number;
}

/** Exact's documented limits per app and division. [exact-online-api.md §6, S12a] */
export const exactRateLimits: RateLimits = { minutely: 60, daily: 5000 };

export interface RateBudgetOptions {
  db: Db;
  clock: Clock;
  limits?: RateLimits;
  /** Daily calls kept back for interactive work (a bookkeeper linking by hand) when batch work runs low. */
  dailyReserve?: number;
  skewMs?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The per-division call budget, shared by every process through the database: a call waits for a slot
 * instead of ever exceeding the minutely limit, and is refused with `rate_limited` when the day's calls are spent.
 */
export function createRateBudget(options: RateBudgetOptions) {
  const { db, clock } = options;
  const limits = options.limits ?? exactRateLimits;
  const skewMs = options.skewMs ?? 1000;
  const inFlight = new Map<string, number>();
  const known = new Set<string>();

  /**
   * A slot for one call, waiting for the next minute when this one's calls are spent. `maxWaitMs`: a caller that
   * cannot wait longer (a person's request) is refused at once with `exact_minute_used` and when to come back.
   */
  async function acquire(key: string, signal?: AbortSignal, maxWaitMs?: number): Promise<void> {
    if (!known.has(key)) {
      await ensureBudgetRow(db, key, limits, clock.now());
      known.add(key);
    }
    const deadline = maxWaitMs === undefined ? undefined : clock.now() + maxWaitMs;
    for (;;) {
      const now = clock.now();
      const windows = {
        now,
        nextMinuteAt: Math.floor(now / MINUTE) * MINUTE + MINUTE,
        nextDayAt: Math.floor(now / DAY) * DAY + DAY,
        skewMs,
      };
      if (await takeCallSlot(db, key, windows, options.dailyReserve ?? 0)) {
        inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        return;
      }
      const row = await readBudget(db, key);
      if (!row) throw new Error(`rate budget ${key} vanished`);
      if (row.dailyResetAt + skewMs > now && row.dailyRemaining <= (options.dailyReserve ?? 0)) {
        const resetAt = new Date(row.dailyResetAt).toISOString();
        throw new AppError(
          "rate_limited",
          "Exact Online's daily call limit for this division is reached.",
          { resetAt, limit: row.dailyLimit },
          { said: { reason: "exact_daily_limit", params: { resetAt } } },
        );
      }
      const freeAt = row.minutelyResetAt + skewMs;
      if (deadline !== undefined && freeAt > deadline) throw minuteUsed(freeAt - now);
      await clock.sleep(Math.max(50, freeAt - now), signal);
    }
  }

  /** Throws `exact_minute_used` when a caller that waits at most `maxWaitMs` would wait longer for a slot. */
  async function checkWait(key: string, maxWaitMs: number): Promise<void> {
    const row = await readBudget(db, key);
    const now = clock.now();
    if (!row || row.minutelyResetAt + skewMs <= now || row.minutelyRemaining > 0) return;
    const wait = row.minutelyResetAt + skewMs - now;
    if (wait > maxWaitMs) throw minuteUsed(wait);
  }

  async function record(key: string, reading: RateLimitReading): Promise<void> {
    const mine = Math.max(0, (inFlight.get(key) ?? 1) - 1);
    inFlight.set(key, mine);
    if (reading.minutely || reading.daily) await applyReading(db, key, reading, mine, clock.now());
  }

  /** A call that never reached Exact gives its slot's in-flight mark back (the slot itself stays spent). */
  function abandon(key: string): void {
    inFlight.set(key, Math.max(0, (inFlight.get(key) ?? 1) - 1));
  }

  async function state(key: string) {
    const row = await readBudget(db, key);
    if (!row)
      return {
        minutely: { limit: limits.minutely, remaining: limits.minutely },
        daily: { limit: limits.daily, remaining: limits.daily },
      };
    const now = clock.now();
    return {
      minutely: {
        limit: row.minutelyLimit,
        remaining: row.minutelyResetAt <= now ? row.minutelyLimit : row.minutelyRemaining,
        resetAt: row.minutelyResetAt,
      },
      daily: {
        limit: row.dailyLimit,
        remaining: row.dailyResetAt <= now ? row.dailyLimit : row.dailyRemaining,
        resetAt: row.dailyResetAt,
      },
    };
  }

  return { acquire, checkWait, record, abandon, state };
}

export type RateBudget = ReturnType<typeof createRateBudget>;

/** This minute's calls to the division are spent: the caller is told when the next minute's are free. */
function minuteUsed(waitMs: number): AppError {
  const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
  return new AppError(
    "rate_limited",
    `Exact Online's calls for this division are used up for this minute; try again in ${seconds} s.`,
    { retryAfterSeconds: Number(seconds) },
    { said: { reason: "exact_minute_used", params: { seconds } } },
  );
}

export const budgetKey = (clientId: string, division: number) => `${clientId}:${division}`;
