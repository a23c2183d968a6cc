import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { divisionSync, exactAccounts } from "./schema";

type AccountInsert = typeof exactAccounts.$inferInsert;
type Scope = { tenantId: string; division: number };

/** SQLite caps bound parameters per statement; a mirror row has about 25. */
const ROWS_PER_STATEMENT = 400;

const updatable = [
  "code",
  "codeKey",
  "searchCode",
  "searchCodeKey",
  "name",
  "vatNumber",
  "vatKey",
  "chamberOfCommerce",
  "companyNumberKey",
  "status",
  "isSupplier",
  "isSales",
  "blocked",
  "email",
  "city",
  "postcode",
  "country",
  "exactTimestamp",
  "exactModifiedAt",
  "mirroredAt",
  "deletedAt",
] as const;

const excludedColumns = Object.fromEntries(
  updatable.map((key) => [key, sql.raw(`excluded.${exactAccounts[key].name}`)]),
);

export async function upsertAccounts(db: DbOrTx, rows: AccountInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db
      .insert(exactAccounts)
      .values(rows.slice(start, start + ROWS_PER_STATEMENT))
      .onConflictDoUpdate({
        target: [exactAccounts.tenantId, exactAccounts.division, exactAccounts.id],
        set: excludedColumns,
      });
  }
}

export async function markAccountsDeleted(
  db: DbOrTx,
  scope: Scope,
  ids: string[],
  at: number,
): Promise<number> {
  let marked = 0;
  for (let start = 0; start < ids.length; start += ROWS_PER_STATEMENT) {
    const done = await db
      .update(exactAccounts)
      .set({ deletedAt: at, mirroredAt: at })
      .where(
        and(
          eq(exactAccounts.tenantId, scope.tenantId),
          eq(exactAccounts.division, scope.division),
          inArray(exactAccounts.id, ids.slice(start, start + ROWS_PER_STATEMENT)),
          isNull(exactAccounts.deletedAt),
        ),
      )
      .returning({ id: exactAccounts.id });
    marked += done.length;
  }
  return marked;
}

/** After a complete bulk pass: whatever the pass did not see is gone from Exact. */
export async function markUnseenDeleted(
  db: DbOrTx,
  scope: Scope,
  passStartedAt: number,
  at: number,
): Promise<number> {
  const done = await db
    .update(exactAccounts)
    .set({ deletedAt: at })
    .where(
      and(
        eq(exactAccounts.tenantId, scope.tenantId),
        eq(exactAccounts.division, scope.division),
        lt(exactAccounts.mirroredAt, passStartedAt),
        isNull(exactAccounts.deletedAt),
      ),
    )
    .returning({ id: exactAccounts.id });
  return done.length;
}

export type DivisionSyncRow = typeof divisionSync.$inferSelect;

export async function readDivisionSync(db: DbOrTx, scope: Scope): Promise<DivisionSyncRow | undefined> {
  const [row] = await db
    .select()
    .from(divisionSync)
    .where(and(eq(divisionSync.tenantId, scope.tenantId), eq(divisionSync.division, scope.division)));
  return row;
}

/** Takes the division's sync lease when it is free or expired; a running sync elsewhere keeps it. */
export async function takeSyncLease(
  db: DbOrTx,
  scope: Scope,
  owner: string,
  kind: DivisionSyncRow["runningKind"],
  now: number,
  leaseMs: number,
): Promise<boolean> {
  await db
    .insert(divisionSync)
    .values({ ...scope, status: "idle" })
    .onConflictDoNothing();
  const taken = await db
    .update(divisionSync)
    .set({
      leaseOwner: owner,
      leaseUntil: now + leaseMs,
      status: "running",
      runningKind: kind,
      progressDone: 0,
      lastStartedAt: now,
    })
    .where(
      and(
        eq(divisionSync.tenantId, scope.tenantId),
        eq(divisionSync.division, scope.division),
        or(isNull(divisionSync.leaseUntil), lt(divisionSync.leaseUntil, now)),
      ),
    )
    .returning({ division: divisionSync.division });
  return taken.length === 1;
}

export async function renewSyncLease(
  db: DbOrTx,
  scope: Scope,
  owner: string,
  until: number,
  progressDone: number,
): Promise<boolean> {
  const renewed = await db
    .update(divisionSync)
    .set({ leaseUntil: until, progressDone })
    .where(
      and(
        eq(divisionSync.tenantId, scope.tenantId),
        eq(divisionSync.division, scope.division),
        eq(divisionSync.leaseOwner, owner),
      ),
    )
    .returning({ division: divisionSync.division });
  return renewed.length === 1;
}

export async function finishSync(
  db: DbOrTx,
  scope: Scope,
  owner: string,
  outcome: Partial<typeof divisionSync.$inferInsert>,
): Promise<void> {
  await db
    .update(divisionSync)
    .set({ ...outcome, leaseOwner: null, leaseUntil: null, runningKind: null })
    .where(
      and(
        eq(divisionSync.tenantId, scope.tenantId),
        eq(divisionSync.division, scope.division),
        eq(divisionSync.leaseOwner, owner),
      ),
    );
}
