import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { readInChunks } from "../../db/in-chunks";
import { exactAccounts, links } from "../../db/schema";
import { recordStaleLink, type StaleReason } from "./link-events";

type Scope = { tenantId: string; division: number };
type Account = typeof exactAccounts.$inferSelect;

/** Why a linked account no longer carries its link; empty while it is a usable customer. */
function problemsOf(account: Account | undefined): StaleReason[] {
  if (!account || account.deletedAt !== null)
    return [{ code: "account_deleted", message: "The linked Exact account was deleted in Exact Online." }];
  const problems: StaleReason[] = [];
  if (account.status !== "C")
    problems.push({
      code: "not_a_customer",
      message: `The linked Exact account "${account.name}" is no longer a customer (status ${account.status ?? "none"}).`,
    });
  if (account.blocked)
    problems.push({
      code: "account_blocked",
      message: `The linked Exact account "${account.name}" is blocked.`,
    });
  return problems;
}

async function linkedAccounts(tx: Tx, scope: Scope, ids: readonly string[] | undefined) {
  const inScope = and(eq(links.tenantId, scope.tenantId), eq(links.division, scope.division));
  const join = and(
    eq(exactAccounts.tenantId, links.tenantId),
    eq(exactAccounts.division, links.division),
    eq(exactAccounts.id, links.exactId),
  );
  const query = (where: ReturnType<typeof and>) =>
    tx.select({ link: links, account: exactAccounts }).from(links).leftJoin(exactAccounts, join).where(where);
  if (ids === undefined) return query(inScope);
  return readInChunks(ids, (chunk) => query(and(inScope, inArray(links.exactId, chunk))));
}

/**
 * Runs a write to the account mirror in one transaction with the `link.stale` events it causes: a linked account
 * (among `ids`, or any when left out) that was a usable customer before the write and is not after it.
 */
export async function writeMirrorWatchingLinks<T>(
  db: Db,
  scope: Scope,
  ids: readonly string[] | undefined,
  at: number,
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const usableBefore = new Set(
      (await linkedAccounts(tx, scope, ids))
        .filter((row) => problemsOf(row.account ?? undefined).length === 0)
        .map((row) => row.link.id),
    );
    const result = await write(tx);
    if (usableBefore.size === 0) return result;
    for (const row of await linkedAccounts(tx, scope, ids)) {
      if (!usableBefore.has(row.link.id)) continue;
      const problems = problemsOf(row.account ?? undefined);
      if (problems.length > 0) await recordStaleLink(tx, row.link, problems, at);
    }
    return result;
  });
}
