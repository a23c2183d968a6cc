import { and, eq, gte, inArray, isNull, max, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { divisionSync, exactAccounts } from "./schema";

export type MirrorRow = typeof exactAccounts.$inferSelect;
type Scope = { tenantId: string; division: number };

const IDS_PER_STATEMENT = 500;
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
  const rows: MirrorRow[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    rows.push(
      ...(await db
        .select()
        .from(exactAccounts)
        .where(and(inScope(scope), inArray(exactAccounts.id, ids.slice(start, start + IDS_PER_STATEMENT))))),
    );
  }
  return rows;
}

export interface IdentifierKeys {
  /** `codeMatchKey` of the customer number: compared with Code and SearchCode keys. */
  numberKey?: string;
  vatKey?: string;
  companyNumberKey?: string;
}

/**
 * The live accounts that share an identifier with a customer: each branch of the OR is an index seek
 * (exact_accounts_code, _search_code, _vat, _company_number), so this never scans the division.
 */
export async function mirrorRowsSharingKeys(
  db: DbOrTx,
  scope: Scope,
  keys: IdentifierKeys,
): Promise<MirrorRow[]> {
  const branches: SQL[] = [];
  if (keys.numberKey) {
    branches.push(eq(exactAccounts.codeKey, keys.numberKey), eq(exactAccounts.searchCodeKey, keys.numberKey));
  }
  if (keys.vatKey) branches.push(eq(exactAccounts.vatKey, keys.vatKey));
  if (keys.companyNumberKey) {
    branches.push(eq(exactAccounts.companyNumberKey, keys.companyNumberKey));
    // A Belgian enterprise number is the VAT number's digits: an account may carry it only as its VAT number.
    if (keys.companyNumberKey.startsWith("BE"))
      branches.push(eq(exactAccounts.vatKey, keys.companyNumberKey));
  }
  if (branches.length === 0) return [];
  return db
    .select()
    .from(exactAccounts)
    .where(and(inScope(scope), isNull(exactAccounts.deletedAt), or(...branches)));
}

export async function liveMirrorRows(db: DbOrTx, scope: Scope): Promise<MirrorRow[]> {
  return db
    .select()
    .from(exactAccounts)
    .where(and(inScope(scope), isNull(exactAccounts.deletedAt)));
}

/** Rows written or marked deleted at or after `since` (each side an index range). */
export async function mirrorRowsChangedSince(db: DbOrTx, scope: Scope, since: number): Promise<MirrorRow[]> {
  return db
    .select()
    .from(exactAccounts)
    .where(
      and(inScope(scope), or(gte(exactAccounts.mirroredAt, since), gte(exactAccounts.deletedAt, since))),
    );
}

export interface MirrorProbe {
  lastMirroredAt: number | null;
  lastDeletedAt: number | null;
  syncStatus: string | null;
  syncStartedAt: number | null;
  syncCompletedAt: number | null;
}

/** What tells a cache whether the mirror changed: two index seeks and the division's sync row. */
export async function probeMirror(db: DbOrTx, scope: Scope): Promise<MirrorProbe> {
  const [latest] = await db
    .select({ mirrored: max(exactAccounts.mirroredAt) })
    .from(exactAccounts)
    .where(inScope(scope));
  const [deleted] = await db
    .select({ deleted: max(exactAccounts.deletedAt) })
    .from(exactAccounts)
    .where(inScope(scope));
  const [sync] = await db
    .select({
      status: divisionSync.status,
      startedAt: divisionSync.lastStartedAt,
      completedAt: divisionSync.lastCompletedAt,
    })
    .from(divisionSync)
    .where(and(eq(divisionSync.tenantId, scope.tenantId), eq(divisionSync.division, scope.division)));
  return {
    lastMirroredAt: latest?.mirrored ?? null,
    lastDeletedAt: deleted?.deleted ?? null,
    syncStatus: sync?.status ?? null,
    syncStartedAt: sync?.startedAt ?? null,
    syncCompletedAt: sync?.completedAt ?? null,
  };
}
