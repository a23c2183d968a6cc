import type { EventTypeName, WebhookEndpointView } from "@zapfloor-exact/shared/schemas/events";
import type { EndpointRow } from "./endpoint-store";

const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);

export function endpointView(row: EndpointRow, pending: number, now: number): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as EventTypeName[],
    status: row.status,
    pausedReason: row.status === "paused" ? row.pausedReason : null,
    pausedAt: row.status === "paused" ? iso(row.pausedAt) : null,
    previousSecretValidUntil:
      row.previousSecretUntil !== null && row.previousSecretUntil > now ? iso(row.previousSecretUntil) : null,
    pendingDeliveries: pending,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}
