import { randomUUID } from "node:crypto";
import type { EventTypeName } from "@zapfloor-exact/shared/schemas/events";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { events } from "../../db/schema";

export interface NewEvent {
  tenantId: string;
  division: number | null;
  type: EventTypeName;
  /** What the event is about; events of one resource reach each endpoint in order. */
  resourceKey: string;
  at: number;
  data: object;
}

export const newEventId = () => `evt_${randomUUID().replaceAll("-", "")}`;

/**
 * Writes the event and a pending delivery for every endpoint of the tenant that wants its type, inside the
 * transaction of the change it reports: the change and its event are committed together or not at all.
 */
export async function recordEvent(tx: Tx, event: NewEvent): Promise<string> {
  const id = newEventId();
  const [row] = await tx
    .insert(events)
    .values({
      id,
      tenantId: event.tenantId,
      division: event.division,
      type: event.type,
      resourceKey: event.resourceKey,
      occurredAt: event.at,
      data: event.data as Record<string, unknown>,
    })
    .returning({ seq: events.seq });
  await tx.run(sql`
    insert into webhook_deliveries
      (endpoint_id, tenant_id, event_seq, event_id, resource_key, state, attempts, next_attempt_at, created_at)
    select id, tenant_id, ${row!.seq}, ${id}, ${event.resourceKey}, 'pending', 0, ${event.at}, ${event.at}
    from webhook_endpoints
    where tenant_id = ${event.tenantId}
      and (event_types = '[]' or exists (select 1 from json_each(webhook_endpoints.event_types) where value = ${event.type}))`);
  return id;
}
