import { and, asc, eq, gt, gte, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type SQLiteColumn, union } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "./client";
import { readInChunks } from "./in-chunks";
import { divisionSync, exactAccounts } from "./schema";

export type MirrorRow = typeof exactAccounts.$inferSelect;
type Scope = { tenantId: string; division: number };

const inScope = (scope: Scope) =>
  and(eq(exactAccounts.tenantId, scope.tenantId), eq(exactAccounts.division, scope.division));

export async function mirrorRow(db: DbOrTx, scope: Scope, id: string): Promise<MirrorRow | undefined> {
  const [row] = await db
    .select()
    .from(exactAccounts)
    .where(and(inScope(scope), eq(exactAccounts.id, id)));
  return row;
}

/** Rows by id, deleted ones included. */
export async function mirrorRowsByIds(
  db: DbOrTx,
  scope: Scope,
  ids: readonly string[],
): Promise<MirrorRow[]> {
  return rowsWhereIn(db, scope, exactAccounts.id, ids);
}

/** The division's rows whose `column` is one of `values` (and that pass `also`). */
function rowsWhereIn(
  db: DbOrTx,
  scope: Scope,
  column: SQLiteColumn,
  values: readonly string[],
  also?: SQL,
): Promise<MirrorRow[]> {
  return readInChunks(values, (chunk) =>
    db
      .select()
      .from(exactAccounts)
      .where(and(inScope(scope), inArray(column, chunk), also)),
  );
}

export interface IdentifierKeys {
  /** `codeMatchKey` of the customer number: compared with Code and SearchCode keys. */
  numberKey?: string;
  vatKey?: string;
  companyNumberKey?: string;
}

/**
 * The live accounts that share an identifier with a customer. One query per key, each an index seek
 * (exact_accounts_code, _search_code, _vat, _company_number): SQLite cannot serve an OR of them from several
 * indexes when the tenant and division come first in each, and would scan the division instead.
 */
export function mirrorRowsSharingKeys(db: DbOrTx, scope: Scope, keys: IdentifierKeys): Promise<MirrorRow[]> {
  return mirrorRowsSharingAnyKey(db, scope, [keys]);
}

/**
 * The live accounts that share an identifier with any of several customers (or accounts), as
 * `mirrorRowsSharingKeys` finds them for each: one query per kind of key for all of them together, each a seek
 * per key in that kind's index.
 */
export async function mirrorRowsSharingAnyKey(
  db: DbOrTx,
  scope: Scope,
  keysOfEach: readonly IdentifierKeys[],
): Promise<MirrorRow[]> {
  const numberKeys = keysOfEach.flatMap((keys) => (keys.numberKey ? [keys.numberKey] : []));
  const lookups: [SQLiteColumn, string[]][] = [
    [exactAccounts.codeKey, numberKeys],
    [exactAccounts.searchCodeKey, numberKeys],
    [
      exactAccounts.vatKey,
      keysOfEach.flatMap(({ vatKey, companyNumberKey }) => [
        ...(vatKey ? [vatKey] : []),
        // A Belgian enterprise number is the VAT number's digits: an account may carry it only as its VAT number.
        ...(companyNumberKey?.startsWith("BE") ? [companyNumberKey] : []),
      ]),
    ],
    [
      exactAccounts.companyNumberKey,
      keysOfEach.flatMap((keys) => (keys.companyNumberKey ? [keys.companyNumberKey] : [])),
    ],
  ];
  const found = await Promise.all(
    lookups.map(([column, keys]) =>
      rowsWhereIn(db, scope, column, [...new Set(keys)].sort(), isNull(exactAccounts.deletedAt)),
    ),
  );
  const byId = new Map<string, MirrorRow>();
  for (const row of found.flat()) byId.set(row.id, row);
  return [...byId.values()];
}

/** A page of the division's live rows by id, after `afterId` (the primary key's range): for reading a division in parts. */
export async function liveMirrorRowsAfter(
  db: DbOrTx,
  scope: Scope,
  afterId: string,
  limit: number,
): Promise<MirrorRow[]> {
  return db
    .select()
    .from(exactAccounts)
    .where(and(inScope(scope), isNull(exactAccounts.deletedAt), gt(exactAccounts.id, afterId)))
    .orderBy(asc(exactAccounts.id))
    .limit(limit);
}

/** Rows written or marked deleted at or after `since` (each side an index range). */
export async function mirrorRowsChangedSince(db: DbOrTx, scope: Scope, since: number): Promise<MirrorRow[]> {
  // Two ranges of their own indexes: as one `or`, SQLite reads every row of the division to find a few.
  return union(
    db
      .select()
      .from(exactAccounts)
      .where(and(inScope(scope), gte(exactAccounts.mirroredAt, since))),
    db
      .select()
      .from(exactAccounts)
      .where(and(inScope(scope), gte(exactAccounts.deletedAt, since))),
  );
}

export interface MirrorProbe {
  lastMirroredAt: number | null;
  lastDeletedAt: number | null;
  syncStatus: string | null;
  syncStartedAt: number | null;
  syncCompletedAt: number | null;
}

/** What tells a cache whether the mirror changed: two index seeks and the division's sync row, in one statement. */
export async function probeMirror(db: DbOrTx, scope: Scope): Promise<MirrorProbe> {
  const inDivision = sql`${exactAccounts.tenantId} = ${scope.tenantId} and ${exactAccounts.division} = ${scope.division}`;
  const ofDivision = sql`${divisionSync.tenantId} = ${scope.tenantId} and ${divisionSync.division} = ${scope.division}`;
  const [row] = await db
    .select({
      lastMirroredAt: sql<
        number | null
      >`(select max(${exactAccounts.mirroredAt}) from ${exactAccounts} where ${inDivision})`,
      lastDeletedAt: sql<
        number | null
      >`(select max(${exactAccounts.deletedAt}) from ${exactAccounts} where ${inDivision})`,
      syncStatus: sql<
        string | null
      >`(select ${divisionSync.status} from ${divisionSync} where ${ofDivision})`,
      syncStartedAt: sql<
        number | null
      >`(select ${divisionSync.lastStartedAt} from ${divisionSync} where ${ofDivision})`,
      syncCompletedAt: sql<
        number | null
      >`(select ${divisionSync.lastCompletedAt} from ${divisionSync} where ${ofDivision})`,
    })
    .from(sql`(select 1)`);
  return {
    lastMirroredAt: row?.lastMirroredAt ?? null,
    lastDeletedAt: row?.lastDeletedAt ?? null,
    syncStatus: row?.syncStatus ?? null,
    syncStartedAt: row?.syncStartedAt ?? null,
    syncCompletedAt: row?.syncCompletedAt ?? null,
  };
}
