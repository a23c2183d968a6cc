import { and, eq, sql } from "drizzle-orm";
import { events, webhookEndpoints } from "../../db/schema";
import type { ServiceContext } from "../context";
import { endpointNotFound, eventNotFound } from "./refusals";

/**
 * Sends an event again: to one endpoint, or to every endpoint of the tenant that wants its type. A delivery that
 * exists starts over (due now, attempts from zero); one that does not is created. `tenantId` undefined: any
 * tenant's event (the operator's CLI).
 */
export async function redeliverEvent(
  ctx: ServiceContext,
  input: { tenantId?: string | undefined; eventId: string; endpointId?: string | undefined },
): Promise<{ queued: number }> {
  const [event] = await ctx.db
    .select()
    .from(events)
    .where(
      and(eq(events.id, input.eventId), input.tenantId ? eq(events.tenantId, input.tenantId) : undefined),
    );
  if (!event) throw eventNotFound(input.eventId);
  const endpoints = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.tenantId, event.tenantId),
        input.endpointId ? eq(webhookEndpoints.id, input.endpointId) : undefined,
      ),
    );
  if (input.endpointId && endpoints.length === 0) throw endpointNotFound(input.endpointId);
  const targets = input.endpointId
    ? endpoints
    : endpoints.filter(
        (endpoint) => endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type),
      );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    for (const endpoint of targets) {
      await tx.run(sql`
        insert into webhook_deliveries
          (endpoint_id, tenant_id, event_seq, event_id, resource_key, state, attempts, next_attempt_at, created_at)
        values (${endpoint.id}, ${event.tenantId}, ${event.seq}, ${event.id}, ${event.resourceKey}, 'pending', 0, ${now}, ${now})
        on conflict (endpoint_id, event_seq) do update set
          state = 'pending', attempts = 0, next_attempt_at = ${now}, failing_since = null,
          lease_owner = null, lease_until = null, delivered_at = null`);
    }
  });
  return { queued: targets.length };
}
