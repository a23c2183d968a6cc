import type { EventView } from "@zapfloor-exact/shared/schemas/events";
import type { events } from "../../db/schema";

export type EventRow = typeof events.$inferSelect;

/** An event as the feed shows it and as a webhook delivers it. */
export function eventView(row: EventRow): EventView {
  return {
    id: row.id,
    type: row.type,
    timestamp: new Date(row.occurredAt).toISOString(),
    tenantId: row.tenantId,
    division: row.division,
    data: row.data,
  };
}
