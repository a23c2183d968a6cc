import { and, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { accountCreations } from "./schema";

export type CreationClaim = typeof accountCreations.$inferSelect;
export interface ClaimKey {
  tenantId: string;
  division: number;
  customerNumber: string;
}

const byKey = (key: ClaimKey) =>
  and(
    eq(accountCreations.tenantId, key.tenantId),
    eq(accountCreations.division, key.division),
    eq(accountCreations.customerNumber, key.customerNumber),
  );

export async function readClaim(db: DbOrTx, key: ClaimKey): Promise<CreationClaim | undefined> {
  const [row] = await db.select().from(accountCreations).where(byKey(key));
  return row;
}

/** Takes a new claim; false when one already exists (whoever holds it, whatever its state). */
export async function insertClaim(
  db: DbOrTx,
  key: ClaimKey,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const inserted = await db
    .insert(accountCreations)
    .values({ ...key, state: "creating", owner, leaseUntil: now + leaseMs, startedAt: now })
    .onConflictDoNothing()
    .returning({ owner: accountCreations.owner });
  return inserted.length === 1;
}

/** Takes over a claim still `creating` whose holder's lease ran out (it crashed or stalled). */
export async function takeOverExpiredClaim(
  db: DbOrTx,
  key: ClaimKey,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const taken = await db
    .update(accountCreations)
    .set({ owner, leaseUntil: now + leaseMs })
    .where(and(byKey(key), eq(accountCreations.state, "creating"), lt(accountCreations.leaseUntil, now)))
    .returning({ owner: accountCreations.owner });
  return taken.length === 1;
}

export async function renewClaim(db: DbOrTx, key: ClaimKey, owner: string, until: number): Promise<boolean> {
  const renewed = await db
    .update(accountCreations)
    .set({ leaseUntil: until })
    .where(and(byKey(key), eq(accountCreations.owner, owner), eq(accountCreations.state, "creating")))
    .returning({ owner: accountCreations.owner });
  return renewed.length === 1;
}

/** Marks the claim done with the account it produced; false if `owner` no longer holds it. */
export async function completeClaim(
  db: DbOrTx,
  key: ClaimKey,
  owner: string,
  exactId: string,
  now: number,
): Promise<boolean> {
  const done = await db
    .update(accountCreations)
    .set({ state: "created", exactId, finishedAt: now })
    .where(and(byKey(key), eq(accountCreations.owner, owner), eq(accountCreations.state, "creating")))
    .returning({ owner: accountCreations.owner });
  return done.length === 1;
}

/** Drops a claim whose creation certainly did not happen (Exact refused it), so that a later call may try again. */
export async function dropClaim(db: DbOrTx, key: ClaimKey, owner: string): Promise<void> {
  await db.delete(accountCreations).where(and(byKey(key), eq(accountCreations.owner, owner)));
}

/** Removes a finished claim whose account is gone or no longer carries the number, so a new one may be created. */
export async function retireCreatedClaim(db: DbOrTx, key: ClaimKey, exactId: string): Promise<boolean> {
  const retired = await db
    .delete(accountCreations)
    .where(and(byKey(key), eq(accountCreations.state, "created"), eq(accountCreations.exactId, exactId)))
    .returning({ owner: accountCreations.owner });
  return retired.length === 1;
}
