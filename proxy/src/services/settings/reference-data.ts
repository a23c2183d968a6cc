import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { exactReferenceData, type ReferenceKind, referenceKinds } from "../../db/schema";
import type { DivisionApi } from "../../exact/client";
import { listGlAccounts } from "../../exact/resources/gl-accounts";
import { listJournals } from "../../exact/resources/journals";
import { listVatCodes } from "../../exact/resources/vat-codes";

export interface JournalRef {
  id: string;
  code: string;
  description: string | null;
  type: number | null;
}
export interface GlAccountRef {
  id: string;
  code: string;
  description: string | null;
  /** `W` profit and loss, `B` balance sheet. */
  balanceType: string | null;
  /** Exact's account `Type` (110 revenue…); absent from lists cached before it was read. */
  type?: number | null;
}
export interface VatCodeRef {
  id: string;
  /** As Exact spells it, space-padded (`"2  "`): sent back unchanged. */
  code: string;
  description: string | null;
  /** A fraction, as Exact gives it: 0.21 for 21%. */
  percentage: number | null;
  blocked: boolean;
  /** `S` sales, `P` purchase, `B` both. */
  use: string | null;
  /** Exact's `Type`: `B`/`E` excluding, `I` including, `N` no VAT; absent from lists cached before it was read. */
  type?: string | null;
}

interface ReferenceRows {
  journals: JournalRef[];
  glAccounts: GlAccountRef[];
  vatCodes: VatCodeRef[];
}

/** A division's journals, GL accounts and VAT codes as last read from Exact, with when each was read. */
export interface ReferenceData extends Partial<ReferenceRows> {
  fetchedAt: Partial<Record<ReferenceKind, number>>;
}

type Scope = { tenantId: string; division: number };

export async function readReferenceData(db: DbOrTx, scope: Scope): Promise<ReferenceData> {
  const rows = await db
    .select()
    .from(exactReferenceData)
    .where(
      and(eq(exactReferenceData.tenantId, scope.tenantId), eq(exactReferenceData.division, scope.division)),
    );
  const data: ReferenceData = { fetchedAt: {} };
  for (const row of rows) {
    (data as Record<ReferenceKind, unknown>)[row.kind] = row.data;
    data.fetchedAt[row.kind] = row.fetchedAt;
  }
  return data;
}

const fetchers: { [K in ReferenceKind]: (api: DivisionApi) => Promise<ReferenceRows[K]> } = {
  journals: async (api) =>
    (await listJournals(api)).map((row) => ({
      id: row.ID,
      code: row.Code,
      description: row.Description,
      type: row.Type ?? null,
    })),
  glAccounts: async (api) =>
    (await listGlAccounts(api)).map((row) => ({
      id: row.ID,
      code: row.Code,
      description: row.Description,
      balanceType: row.BalanceType?.trim() || null,
      type: row.Type ?? null,
    })),
  vatCodes: async (api) =>
    (await listVatCodes(api)).map((row) => ({
      id: row.ID,
      code: row.Code,
      description: row.Description,
      percentage: row.Percentage ?? null,
      blocked: row.IsBlocked,
      use: row.VATTransactionType,
      type: row.Type,
    })),
};

/** Reads the given kinds from Exact and replaces the cache of each. */
export async function fetchReferenceData(
  db: DbOrTx,
  api: DivisionApi,
  kinds: readonly ReferenceKind[],
  now: number,
): Promise<void> {
  for (const kind of kinds) {
    const data = await fetchers[kind](api);
    await db
      .insert(exactReferenceData)
      .values({ tenantId: api.tenantId, division: api.division, kind, data, fetchedAt: now })
      .onConflictDoUpdate({
        target: [exactReferenceData.tenantId, exactReferenceData.division, exactReferenceData.kind],
        set: { data, fetchedAt: now },
      });
  }
}

export const missingKinds = (data: ReferenceData): ReferenceKind[] =>
  referenceKinds.filter((kind) => data[kind] === undefined);

/** Exact pads codes with spaces; people type them without. [§2] */
export const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
