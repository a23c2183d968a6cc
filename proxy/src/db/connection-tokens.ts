import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { exactConnections } from "./schema";

export type ConnectionRow = typeof exactConnections.$inferSelect;

export async function readConnection(db: DbOrTx, connectionId: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(exactConnections).where(eq(exactConnections.id, connectionId));
  return row;
}

export async function readConnectionOfTenant(
  db: DbOrTx,
  tenantId: string,
): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(exactConnections).where(eq(exactConnections.tenantId, tenantId));
  return row;
}

/** Takes the refresh lease when it is free or expired. */
export async function tryTakeRefreshLease(
  db: DbOrTx,
  connectionId: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const taken = await db
    .update(exactConnections)
    .set({ refreshLeaseOwner: owner, refreshLeaseUntil: now + leaseMs })
    .where(
      and(
        eq(exactConnections.id, connectionId),
        or(isNull(exactConnections.refreshLeaseUntil), lt(exactConnections.refreshLeaseUntil, now)),
      ),
    )
    .returning({ id: exactConnections.id });
  return taken.length === 1;
}

export async function releaseRefreshLease(db: DbOrTx, connectionId: string, owner: string): Promise<void> {
  await db
    .update(exactConnections)
    .set({ refreshLeaseOwner: null, refreshLeaseUntil: null })
    .where(and(eq(exactConnections.id, connectionId), eq(exactConnections.refreshLeaseOwner, owner)));
}

export interface RotatedTokens {
  accessTokenEnc: string;
  refreshTokenEnc: string;
  accessTokenExpiresAt: number;
  now: number;
}

/**
 * Stores a refreshed token pair only if nobody stored another since `expectedVersion` was read and the lease is
 * still ours: the compare-and-swap that keeps a slow or stale process from overwriting a newer refresh token.
 */
export async function storeRotatedTokens(
  db: DbOrTx,
  connectionId: string,
  owner: string,
  expectedVersion: number,
  tokens: RotatedTokens,
): Promise<boolean> {
  const stored = await db
    .update(exactConnections)
    .set({
      accessTokenEnc: tokens.accessTokenEnc,
      refreshTokenEnc: tokens.refreshTokenEnc,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      accessTokenIssuedAt: tokens.now,
      refreshTokenIssuedAt: tokens.now,
      lastRefreshAt: tokens.now,
      tokenVersion: expectedVersion + 1,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      status: "active",
      lastError: null,
      updatedAt: tokens.now,
    })
    .where(
      and(
        eq(exactConnections.id, connectionId),
        eq(exactConnections.tokenVersion, expectedVersion),
        eq(exactConnections.refreshLeaseOwner, owner),
      ),
    )
    .returning({ id: exactConnections.id });
  return stored.length === 1;
}

export async function markNeedsReconnect(
  db: DbOrTx,
  connectionId: string,
  expectedVersion: number,
  reason: string,
  now: number,
): Promise<boolean> {
  const marked = await db
    .update(exactConnections)
    .set({
      status: "needs_reconnect",
      lastError: reason,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(exactConnections.id, connectionId),
        eq(exactConnections.tokenVersion, expectedVersion),
        eq(exactConnections.status, "active"),
      ),
    )
    .returning({ id: exactConnections.id });
  return marked.length === 1;
}
