import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { pendingMigrations, type Tx } from "../../db/client";
import { leases } from "../../db/schema";
import { type StorageErrorCode, storageErrorOf } from "../../db/storage-error";
import type { ExactServiceContext } from "../context";
import { keyOpensAStoredToken } from "../secret-key/check-secret-key";

/** Why a replica is not ready: short and stable, for a load balancer's log. */
export type NotReadyReason = StorageErrorCode | "migrations_pending" | "secret_key_wrong";

export interface Readiness {
  ready: boolean;
  reason?: NotReadyReason;
  checks: {
    database: "ok" | "failed";
    migrations: "ok" | "pending" | "unknown";
    secretKey: "ok" | "no_tokens" | "wrong" | "unknown";
  };
}

/** A row no work ever claims: its `until` is always past. */
const PROBE = "readiness-probe";
/** The room for more a ready database must have. */
const ROOM_BYTES = 64 * 1024;

/**
 * What a load balancer should know before sending a replica traffic: the database takes a write and reads it
 * back and has room for more, every migration of this build is applied, and the secret key opens a stored
 * Exact token.
 */
export async function checkReadiness(ctx: ExactServiceContext): Promise<Readiness> {
  const checks: Readiness["checks"] = { database: "failed", migrations: "unknown", secretKey: "unknown" };
  const notReady = (reason: NotReadyReason): Readiness => ({ ready: false, reason, checks });
  try {
    const mark = randomUUID();
    const readBack = await ctx.db.transaction(async (tx) => {
      await tx
        .insert(leases)
        .values({ name: PROBE, owner: mark, until: 0 })
        .onConflictDoUpdate({ target: leases.name, set: { owner: mark, until: 0 } });
      const [row] = await tx.select({ owner: leases.owner }).from(leases).where(eq(leases.name, PROBE));
      await proveRoom(tx);
      return row?.owner;
    });
    if (readBack !== mark) return notReady("storage_unavailable");
    checks.database = "ok";
    const pending = await pendingMigrations(ctx.db);
    checks.migrations = pending === 0 ? "ok" : "pending";
    if (pending > 0) return notReady("migrations_pending");
    const key = await keyOpensAStoredToken(ctx, ctx.exact.cipher);
    checks.secretKey = key === "none" ? "no_tokens" : key;
    if (key === "wrong") return notReady("secret_key_wrong");
    return { ready: true, checks };
  } catch (error) {
    return notReady(storageErrorOf(error) ?? "storage_unavailable");
  }
}

/**
 * A full database still takes writes that fit its pages (the probe's row is rewritten in place): only a new page
 * shows it full. The row asking for them is rolled back to a savepoint, so proving the room spends none of it.
 * A database refusing it with SQLITE_FULL has rolled back the whole transaction, and that error is what throws.
 */
async function proveRoom(tx: Tx) {
  await tx.run(sql`savepoint readiness_room`);
  await tx.run(
    sql`insert into ${leases} (name, owner, until) values (${`${PROBE}-room`}, zeroblob(${ROOM_BYTES}), 0)`,
  );
  await tx.run(sql`rollback to readiness_room`);
  await tx.run(sql`release readiness_room`);
}
