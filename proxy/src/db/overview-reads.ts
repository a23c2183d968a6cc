import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import type { MirrorRow } from "./mirror-reads";
import { exactAccounts, links } from "./schema";

type Scope = { tenantId: string; division: number };

/** The overview's order: the name without case (as SQLite lowers it), then the id; `exact_accounts_listing`. */
const sortName = sql<string>`lower(${exactAccounts.name})`;

const linked = sql`exists (select 1 from ${links} where ${links.tenantId} = ${exactAccounts.tenantId} and ${links.division} = ${exactAccounts.division} and ${links.exactId} = ${exactAccounts.id})`;

/**
 * A page of what the Accounts Overview lists, in its order, after a position: the division's live customer
 * accounts and every linked account (deleted ones too). A range of the listing index, so a page costs about its
 * own rows, wherever it starts.
 */
export async function listingPage(
  db: DbOrTx,
  scope: Scope,
  after: { sortName: string; id: string } | undefined,
  limit: number,
): Promise<(MirrorRow & { sortName: string })[]> {
  const rows = await listingPageQuery(db, scope, after, limit);
  return rows.map(({ row, sortName }) => ({ ...row, sortName }));
}

/** The statement behind `listingPage`, for a look at its query plan. */
export function listingPageQuery(
  db: DbOrTx,
  scope: Scope,
  after: { sortName: string; id: string } | undefined,
  limit: number,
) {
  return db
    .select({ row: exactAccounts, sortName })
    .from(exactAccounts)
    .where(
      and(
        eq(exactAccounts.tenantId, scope.tenantId),
        eq(exactAccounts.division, scope.division),
        // Spelt out: SQLite seeks an expression index for `>=` on the expression, not for a row value.
        after
          ? sql`${sortName} >= ${after.sortName} and (${sortName} > ${after.sortName} or ${exactAccounts.id} > ${after.id})`
          : undefined,
        or(and(eq(exactAccounts.status, "C"), isNull(exactAccounts.deletedAt)), linked),
      ),
    )
    .orderBy(sortName, asc(exactAccounts.id))
    .limit(limit);
}

/** Accounts the division's links point at that the mirror holds no row for (linked before a sync removed them). */
export async function linkedAccountsNeverMirrored(db: DbOrTx, scope: Scope): Promise<string[]> {
  const rows = await db
    .select({ exactId: links.exactId })
    .from(links)
    .where(
      and(
        eq(links.tenantId, scope.tenantId),
        eq(links.division, scope.division),
        sql`not exists (select 1 from ${exactAccounts} where ${exactAccounts.tenantId} = ${links.tenantId} and ${exactAccounts.division} = ${links.division} and ${exactAccounts.id} = ${links.exactId})`,
      ),
    );
  return rows.map((row) => row.exactId);
}
