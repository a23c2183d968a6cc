import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export async function readEndpoint(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<EndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)));
  return row;
}

export async function endpointsOfTenant(db: DbOrTx, tenantId: string): Promise<EndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, tenantId))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

/** Deliveries not yet delivered, per endpoint. */
export async function pendingCounts(db: DbOrTx, endpointIds: string[]): Promise<Map<string, number>> {
  if (endpointIds.length === 0) return new Map();
  const rows = await db
    .select({ endpointId: webhookDeliveries.endpointId, n: count() })
    .from(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.endpointId, endpointIds), ne(webhookDeliveries.state, "delivered")))
    .groupBy(webhookDeliveries.endpointId);
  return new Map(rows.map((row) => [row.endpointId, row.n]));
}

export async function updateEndpoint(
  db: DbOrTx,
  tenantId: string,
  id: string,
  set: Partial<typeof webhookEndpoints.$inferInsert>,
): Promise<EndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(set)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .returning();
  return row;
}
