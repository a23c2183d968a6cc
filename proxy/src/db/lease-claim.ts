import { and, eq, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** The columns of a table whose rows workers claim with a lease (the sales-entry outbox, webhook deliveries). */
export interface LeasedColumns {
  state: AnySQLiteColumn;
  nextAttemptAt: AnySQLiteColumn;
  leaseUntil: AnySQLiteColumn;
  attempts: AnySQLiteColumn;
}

export interface LeaseStates<Claimed extends string> {
  /** A row waiting for its next attempt. */
  waiting: string;
  /** A row a worker holds. */
  claimed: Claimed;
}

/**
 * Due: waiting, its time has come (and `waitingAlso` holds), or claimed by a worker whose lease ran out (it crashed
 * or hung).
 */
export function dueForClaim(
  columns: LeasedColumns,
  states: LeaseStates<string>,
  now: number,
  waitingAlso?: SQL,
): SQL | undefined {
  return or(
    and(eq(columns.state, states.waiting), lte(columns.nextAttemptAt, now), waitingAlso),
    and(eq(columns.state, states.claimed), lt(columns.leaseUntil, now)),
  );
}

/** What a claim writes: the claimed state, its owner and lease, and one more attempt. */
export function claimedBy<Claimed extends string>(
  columns: LeasedColumns,
  states: LeaseStates<Claimed>,
  claim: { owner: string; now: number; leaseMs: number },
) {
  return {
    state: states.claimed,
    leaseOwner: claim.owner,
    leaseUntil: claim.now + claim.leaseMs,
    attempts: sql`${columns.attempts} + 1`,
  };
}
