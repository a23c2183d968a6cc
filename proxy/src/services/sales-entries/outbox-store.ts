import { and, asc, count, eq, gt, inArray, isNull, lte, not, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { claimedBy, dueForClaim } from "../../db/lease-claim";
import { type SalesEntryState, salesEntries } from "../../db/schema";

export type SalesEntryRow = typeof salesEntries.$inferSelect;
export type Scope = { tenantId: string; division: number };
export type EntryKey = Scope & { invoiceNumber: string };

const keyOf = (key: EntryKey) =>
  and(
    eq(salesEntries.tenantId, key.tenantId),
    eq(salesEntries.division, key.division),
    eq(salesEntries.invoiceNumber, key.invoiceNumber),
  );

const leaseStates = { waiting: "queued", claimed: "pushing" } as const;

const inScope = (scope: Scope) =>
  and(eq(salesEntries.tenantId, scope.tenantId), eq(salesEntries.division, scope.division));

export async function readEntry(db: DbOrTx, key: EntryKey): Promise<SalesEntryRow | undefined> {
  const [row] = await db.select().from(salesEntries).where(keyOf(key));
  return row;
}

/**
 * The division's settings switched auto-push off: its queued invoices wait. Written out with table names, because
 * inside an UPDATE drizzle leaves the updated table's columns unqualified, which the subquery would take for its own.
 */
const autoPushOff = sql`exists (select 1 from "division_settings" as "ds" where "ds"."tenant_id" = "sales_entries"."tenant_id" and "ds"."division" = "sales_entries"."division" and "ds"."auto_push" = 0)`;

/**
 * Due: queued, its time has come and its division pushes automatically; or claimed by a worker whose lease ran out
 * (it crashed or hung: that attempt is finished whatever the setting says now, as it may have reached Exact).
 */
const due = (now: number) => dueForClaim(salesEntries, leaseStates, now, not(autoPushOff));

/** The divisions that have due entries, most overdue first. */
export async function divisionsWithDueEntries(db: DbOrTx, now: number): Promise<Scope[]> {
  return db
    .select({ tenantId: salesEntries.tenantId, division: salesEntries.division })
    .from(salesEntries)
    .where(due(now))
    .groupBy(salesEntries.tenantId, salesEntries.division)
    .orderBy(sql`min(${salesEntries.nextAttemptAt})`);
}

/**
 * Claims up to `limit` due entries of a division in one statement: the `WHERE` is evaluated against each row as the
 * update finds it, so two processes can never both claim a row. Each claim counts as an attempt.
 */
export async function claimDueEntries(
  db: DbOrTx,
  scope: Scope,
  claim: { owner: string; now: number; leaseMs: number; limit: number },
): Promise<SalesEntryRow[]> {
  const candidates = db
    .select({ invoiceNumber: salesEntries.invoiceNumber })
    .from(salesEntries)
    .where(and(inScope(scope), due(claim.now)))
    .orderBy(asc(salesEntries.nextAttemptAt), asc(salesEntries.invoiceNumber))
    .limit(claim.limit);
  return db
    .update(salesEntries)
    .set({ ...claimedBy(salesEntries, leaseStates, claim), updatedAt: claim.now })
    .where(and(inScope(scope), due(claim.now), inArray(salesEntries.invoiceNumber, candidates)))
    .returning();
}

const held = (key: EntryKey, owner: string) =>
  and(keyOf(key), eq(salesEntries.state, "pushing"), eq(salesEntries.leaseOwner, owner));

/** Extends the leases this worker still holds; returns the invoice numbers it still holds. */
export async function renewLeases(
  db: DbOrTx,
  scope: Scope,
  invoiceNumbers: readonly string[],
  owner: string,
  until: number,
): Promise<Set<string>> {
  if (invoiceNumbers.length === 0) return new Set();
  const renewed = await db
    .update(salesEntries)
    .set({ leaseUntil: until })
    .where(
      and(
        inScope(scope),
        inArray(salesEntries.invoiceNumber, [...invoiceNumbers]),
        eq(salesEntries.state, "pushing"),
        eq(salesEntries.leaseOwner, owner),
      ),
    )
    .returning({ invoiceNumber: salesEntries.invoiceNumber });
  return new Set(renewed.map((row) => row.invoiceNumber));
}

/**
 * Records that a POST of this entry is about to be sent, if this worker still holds it: from then on Exact may
 * have it, so any later attempt looks its `YourRef` up before posting. False when the entry is no longer ours.
 */
export async function markPostSent(db: DbOrTx, key: EntryKey, owner: string, now: number): Promise<boolean> {
  const marked = await db
    .update(salesEntries)
    .set({ postSentAt: now })
    .where(held(key, owner))
    .returning({ invoiceNumber: salesEntries.invoiceNumber });
  return marked.length > 0;
}

export type Outcome =
  | { state: "pushed"; exactAccountId: string; exactEntryId: string; exactEntryNumber: number | null }
  | { state: "queued"; nextAttemptAt: number; error: RecordedError; countsAsAttempt: boolean }
  | { state: "failed" | "needs_review"; error: RecordedError; exactAccountId?: string };

export interface RecordedError {
  message: string;
  details?: Record<string, unknown>;
}

/** Records how an attempt ended, if this worker still holds the entry: the row as written; undefined when it lost it. */
export async function finishAttempt(
  db: DbOrTx,
  key: EntryKey,
  owner: string,
  outcome: Outcome,
  now: number,
): Promise<SalesEntryRow | undefined> {
  const released = { leaseOwner: null, leaseUntil: null, updatedAt: now };
  const set =
    outcome.state === "pushed"
      ? {
          ...released,
          state: outcome.state,
          exactAccountId: outcome.exactAccountId,
          exactEntryId: outcome.exactEntryId,
          exactEntryNumber: outcome.exactEntryNumber,
          pushedAt: now,
          lastError: null,
          lastErrorDetails: null,
        }
      : outcome.state === "queued"
        ? {
            ...released,
            state: outcome.state,
            nextAttemptAt: outcome.nextAttemptAt,
            lastError: outcome.error.message,
            lastErrorDetails: outcome.error.details ?? null,
            ...(outcome.countsAsAttempt ? {} : { attempts: sql`max(0, ${salesEntries.attempts} - 1)` }),
          }
        : {
            ...released,
            state: outcome.state,
            lastError: outcome.error.message,
            lastErrorDetails: outcome.error.details ?? null,
            ...(outcome.exactAccountId ? { exactAccountId: outcome.exactAccountId } : {}),
          };
  const [done] = await db.update(salesEntries).set(set).where(held(key, owner)).returning();
  return done;
}

/** Gives claimed entries back untouched (a worker shutting down): due now, the claim not counted as an attempt. */
export async function releaseClaims(
  db: DbOrTx,
  scope: Scope,
  invoiceNumbers: readonly string[],
  owner: string,
  now: number,
): Promise<void> {
  if (invoiceNumbers.length === 0) return;
  await db
    .update(salesEntries)
    .set({
      state: "queued",
      nextAttemptAt: now,
      leaseOwner: null,
      leaseUntil: null,
      attempts: sql`max(0, ${salesEntries.attempts} - 1)`,
      updatedAt: now,
    })
    .where(
      and(
        inScope(scope),
        inArray(salesEntries.invoiceNumber, [...invoiceNumbers]),
        eq(salesEntries.state, "pushing"),
        eq(salesEntries.leaseOwner, owner),
      ),
    );
}

/** Queues an entry again: due now, attempts from zero, its last error kept for reference until the next attempt. */
export async function requeue(db: DbOrTx, key: EntryKey, states: SalesEntryState[], now: number) {
  const [row] = await db
    .update(salesEntries)
    .set({
      state: "queued",
      attempts: 0,
      nextAttemptAt: now,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(keyOf(key), inArray(salesEntries.state, states)))
    .returning();
  return row;
}

export interface ListFilter {
  state?: SalesEntryState;
  /** Invoice numbers after this one (the cursor). */
  after?: string;
  limit: number;
}

export async function listEntries(db: DbOrTx, scope: Scope, filter: ListFilter): Promise<SalesEntryRow[]> {
  const conditions: (SQL | undefined)[] = [inScope(scope)];
  if (filter.state) conditions.push(eq(salesEntries.state, filter.state));
  if (filter.after !== undefined) conditions.push(gt(salesEntries.invoiceNumber, filter.after));
  return db
    .select()
    .from(salesEntries)
    .where(and(...conditions))
    .orderBy(asc(salesEntries.invoiceNumber))
    .limit(filter.limit);
}

export async function countByState(db: DbOrTx, scope: Scope): Promise<Record<SalesEntryState, number>> {
  const rows = await db
    .select({ state: salesEntries.state, n: count() })
    .from(salesEntries)
    .where(inScope(scope))
    .groupBy(salesEntries.state);
  const counts = { queued: 0, pushing: 0, pushed: 0, failed: 0, needs_review: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** When a pushed entry is due for a paid-state check. */
export interface PaidCheckDue {
  /** An unpaid entry last checked at or before this. */
  checkedBefore: number;
  /** A paid entry is checked again while it was found paid after this… */
  paidSince: number;
  /** …and last checked at or before this. */
  paidCheckedBefore: number;
}

const lastCheckedBy = (time: number) =>
  or(isNull(salesEntries.paidCheckedAt), lte(salesEntries.paidCheckedAt, time));

const duePaidCheck = (due: PaidCheckDue) =>
  and(
    eq(salesEntries.state, "pushed"),
    or(
      and(isNull(salesEntries.paidAt), lastCheckedBy(due.checkedBefore)),
      and(gt(salesEntries.paidAt, due.paidSince), lastCheckedBy(due.paidCheckedBefore)),
    ),
  );

/**
 * Claims pushed entries due for a paid-state check by stamping `paidCheckedAt`: a second process running the same
 * check finds them freshly stamped and leaves them alone.
 */
export async function claimPaidChecks(
  db: DbOrTx,
  scope: Scope,
  claim: PaidCheckDue & { now: number; limit: number },
): Promise<SalesEntryRow[]> {
  const candidates = db
    .select({ invoiceNumber: salesEntries.invoiceNumber })
    .from(salesEntries)
    .where(and(inScope(scope), duePaidCheck(claim)))
    .orderBy(asc(salesEntries.paidCheckedAt), asc(salesEntries.invoiceNumber))
    .limit(claim.limit);
  return db
    .update(salesEntries)
    .set({ paidCheckedAt: claim.now })
    .where(and(inScope(scope), duePaidCheck(claim), inArray(salesEntries.invoiceNumber, candidates)))
    .returning();
}

export async function divisionsDueForPaidCheck(db: DbOrTx, due: PaidCheckDue): Promise<Scope[]> {
  return db
    .selectDistinct({ tenantId: salesEntries.tenantId, division: salesEntries.division })
    .from(salesEntries)
    .where(duePaidCheck(due));
}

export async function recordPaidState(
  db: DbOrTx,
  key: EntryKey,
  state: { outstanding: string; paidAt: number | null },
): Promise<SalesEntryRow | undefined> {
  const [row] = await db
    .update(salesEntries)
    .set({ outstanding: state.outstanding, paidAt: state.paidAt })
    .where(and(keyOf(key), eq(salesEntries.state, "pushed")))
    .returning();
  return row;
}
