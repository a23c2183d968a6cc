import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { rateBudgets } from "./schema";

export type RateBudgetRow = typeof rateBudgets.$inferSelect;

export interface Windows {
  now: number;
  /** When a window is found over, the new one ends here. */
  nextMinuteAt: number;
  nextDayAt: number;
  /** Our clock may run ahead of Exact's: a window counts as over only this long after its reset. */
  skewMs: number;
}

export async function ensureBudgetRow(
  db: DbOrTx,
  key: string,
  limits: { minutely: number; daily: number },
  now: number,
): Promise<void> {
  await db
    .insert(rateBudgets)
    .values({
      key,
      minutelyLimit: limits.minutely,
      minutelyRemaining: limits.minutely,
      minutelyResetAt: 0,
      dailyLimit: limits.daily,
      dailyRemaining: limits.daily,
      dailyResetAt: 0,
      updatedAt: now,
    })
    .onConflictDoNothing();
}

/** Takes one call from both windows in a single statement, or takes nothing; starts new windows when due. */
export async function takeCallSlot(
  db: DbOrTx,
  key: string,
  w: Windows,
  dailyReserve: number,
): Promise<boolean> {
  const minuteOver = sql`${rateBudgets.minutelyResetAt} + ${w.skewMs} <= ${w.now}`;
  const dayOver = sql`${rateBudgets.dailyResetAt} + ${w.skewMs} <= ${w.now}`;
  const taken = await db
    .update(rateBudgets)
    .set({
      minutelyRemaining: sql`case when ${minuteOver} then ${rateBudgets.minutelyLimit} - 1 else ${rateBudgets.minutelyRemaining} - 1 end`,
      minutelyResetAt: sql`case when ${minuteOver} then ${w.nextMinuteAt} else ${rateBudgets.minutelyResetAt} end`,
      dailyRemaining: sql`case when ${dayOver} then ${rateBudgets.dailyLimit} - 1 else ${rateBudgets.dailyRemaining} - 1 end`,
      dailyResetAt: sql`case when ${dayOver} then ${w.nextDayAt} else ${rateBudgets.dailyResetAt} end`,
      updatedAt: w.now,
    })
    .where(
      sql`${rateBudgets.key} = ${key}
        and (${minuteOver} or ${rateBudgets.minutelyRemaining} > 0)
        and (${dayOver} or ${rateBudgets.dailyRemaining} > ${dailyReserve})`,
    )
    .returning({ key: rateBudgets.key });
  return taken.length === 1;
}

export async function readBudget(db: DbOrTx, key: string): Promise<RateBudgetRow | undefined> {
  const [row] = await db.select().from(rateBudgets).where(eq(rateBudgets.key, key));
  return row;
}

export interface WindowReading {
  limit: number;
  remaining: number;
  resetAt: number;
}

/**
 * Corrects the estimate with what Exact said. Within the same window the lower count wins (other calls may be
 * in flight); a later reset means Exact started a new window, whose count replaces ours minus our calls in flight.
 */
export async function applyReading(
  db: DbOrTx,
  key: string,
  reading: { minutely?: WindowReading; daily?: WindowReading },
  inFlight: number,
  now: number,
): Promise<void> {
  const set: Record<string, unknown> = { updatedAt: now };
  const { minutely, daily } = reading;
  if (minutely) {
    set.minutelyLimit = minutely.limit;
    set.minutelyRemaining = sql`case when ${minutely.resetAt} > ${rateBudgets.minutelyResetAt}
      then max(0, ${minutely.remaining - inFlight})
      else min(${rateBudgets.minutelyRemaining}, ${minutely.remaining}) end`;
    set.minutelyResetAt = sql`max(${rateBudgets.minutelyResetAt}, ${minutely.resetAt})`;
  }
  if (daily) {
    set.dailyLimit = daily.limit;
    set.dailyRemaining = sql`case when ${daily.resetAt} > ${rateBudgets.dailyResetAt}
      then max(0, ${daily.remaining - inFlight})
      else min(${rateBudgets.dailyRemaining}, ${daily.remaining}) end`;
    set.dailyResetAt = sql`max(${rateBudgets.dailyResetAt}, ${daily.resetAt})`;
  }
  await db.update(rateBudgets).set(set).where(eq(rateBudgets.key, key));
}
