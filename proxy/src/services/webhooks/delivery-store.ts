import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { claimedBy, dueForClaim } from "../../db/lease-claim";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../db/schema";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
const d = webhookDeliveries;

const leaseStates = { waiting: "pending", claimed: "delivering" } as const;

/** Due: pending and its time has come, or claimed by a worker whose lease ran out (it crashed or hung). */
const due = (now: number) => dueForClaim(d, leaseStates, now);

/** Only the oldest undelivered event of a resource may go out: the receiver sees a resource's events in order. */
const firstOfItsResource = notExists(
  sql`(select 1 from webhook_deliveries as earlier where earlier.endpoint_id = ${d.endpointId} and earlier.resource_key = ${d.resourceKey} and earlier.event_seq < ${d.eventSeq} and earlier.state != 'delivered')`,
);

/** Enabled endpoints with something due. */
export async function endpointsWithDueDeliveries(db: DbOrTx, now: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ endpointId: d.endpointId })
    .from(d)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, d.endpointId))
    .where(and(eq(webhookEndpoints.status, "enabled"), due(now)));
  return rows.map((row) => row.endpointId);
}

/**
 * Claims up to `limit` due deliveries of an enabled endpoint in one statement, each the oldest open one of its
 * resource; two processes can never both claim a row. Each claim counts as an attempt.
 */
export async function claimDueDeliveries(
  db: DbOrTx,
  endpointId: string,
  claim: { owner: string; now: number; leaseMs: number; limit: number },
): Promise<DeliveryRow[]> {
  const enabled = sql`exists (select 1 from ${webhookEndpoints} where ${webhookEndpoints.id} = ${endpointId} and ${webhookEndpoints.status} = 'enabled')`;
  const candidates = db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.endpointId, endpointId), due(claim.now), firstOfItsResource))
    .orderBy(asc(d.eventSeq))
    .limit(claim.limit);
  return db
    .update(d)
    .set(claimedBy(d, leaseStates, claim))
    .where(and(inArray(d.id, candidates), due(claim.now), enabled))
    .returning();
}

export async function eventOfDelivery(db: DbOrTx, seq: number) {
  const [row] = await db.select().from(events).where(eq(events.seq, seq));
  return row;
}

export interface AttemptRecord {
  at: number;
  status: number | null;
  error: string | null;
  latencyMs: number;
}

const held = (id: number, owner: string) =>
  and(eq(d.id, id), eq(d.state, "delivering"), eq(d.leaseOwner, owner));

/** Logs the attempt and records the delivery's outcome, if this worker still holds it; false when it lost it. */
export async function finishDelivery(
  db: DbOrTx,
  row: DeliveryRow,
  owner: string,
  attempt: AttemptRecord,
  outcome: { delivered: true } | { delivered: false; nextAttemptAt: number },
): Promise<DeliveryRow | undefined> {
  await db.insert(webhookAttempts).values({
    deliveryId: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    ...attempt,
  });
  const released = {
    leaseOwner: null,
    leaseUntil: null,
    lastStatus: attempt.status,
    lastError: attempt.error,
  };
  const [done] = await db
    .update(d)
    .set(
      outcome.delivered
        ? { ...released, state: "delivered", deliveredAt: attempt.at, failingSince: null }
        : {
            ...released,
            state: "pending",
            nextAttemptAt: outcome.nextAttemptAt,
            failingSince: sql`coalesce(${d.failingSince}, ${attempt.at})`,
          },
    )
    .where(held(row.id, owner))
    .returning();
  return done;
}

/** Gives claimed deliveries back untouched (a worker shutting down, an endpoint paused meanwhile). */
export async function releaseDelivery(db: DbOrTx, row: DeliveryRow, owner: string, now: number) {
  await db
    .update(d)
    .set({
      state: "pending",
      leaseOwner: null,
      leaseUntil: null,
      nextAttemptAt: now,
      attempts: sql`max(0, ${d.attempts} - 1)`,
    })
    .where(held(row.id, owner));
}

/** Pauses an endpoint that keeps failing, saying why; its deliveries wait for it to be resumed. */
export async function pauseFailingEndpoint(db: DbOrTx, endpointId: string, reason: string, now: number) {
  await db
    .update(webhookEndpoints)
    .set({ status: "paused", pausedReason: reason, pausedAt: now, updatedAt: now })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.status, "enabled")));
}
