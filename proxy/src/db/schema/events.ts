import { EVENT_TYPES } from "@zapfloor-exact/shared/schemas/events";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export const eventTypes = EVENT_TYPES;
export type EventType = (typeof eventTypes)[number];

/**
 * What happened, for zapfloor: written in the transaction of the change that causes it (an outbox), kept 30 days.
 * `seq` orders the feed: SQLite commits one write transaction at a time, so a lower `seq` is never committed later.
 */
export const events = sqliteTable(
  "events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    tenantId: text("tenant_id").notNull(),
    division: integer("division"),
    type: text("type", { enum: eventTypes }).notNull(),
    /** The resource the event is about (`invoice:<division>:<number>`): deliveries keep its events in order. */
    resourceKey: text("resource_key").notNull(),
    occurredAt: epochMs("occurred_at").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (table) => [
    uniqueIndex("events_id").on(table.id),
    index("events_tenant").on(table.tenantId, table.seq),
    index("events_occurred").on(table.occurredAt),
  ],
);

export const endpointStatuses = ["enabled", "paused"] as const;
export type EndpointStatus = (typeof endpointStatuses)[number];

/** Where a tenant wants its events: signed with a `whsec_` secret kept encrypted; the previous one during a rotation. */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Wanted event types; empty means every type. */
    eventTypes: text("event_types", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: endpointStatuses }).notNull(),
    pausedReason: text("paused_reason"),
    pausedAt: epochMs("paused_at"),
    secretEnc: text("secret_enc").notNull(),
    previousSecretEnc: text("previous_secret_enc"),
    previousSecretUntil: epochMs("previous_secret_until"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (table) => [index("webhook_endpoints_tenant").on(table.tenantId)],
);

export const deliveryStates = ["pending", "delivering", "delivered"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** One event for one endpoint. Workers claim rows with a lease, like the sales-entry outbox. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: text("endpoint_id").notNull(),
    tenantId: text("tenant_id").notNull(),
    eventSeq: integer("event_seq").notNull(),
    eventId: text("event_id").notNull(),
    resourceKey: text("resource_key").notNull(),
    state: text("state", { enum: deliveryStates }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: epochMs("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: epochMs("lease_until"),
    /** When the current run of failed attempts began; the endpoint is paused when it lasts too long. */
    failingSince: epochMs("failing_since"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: epochMs("delivered_at"),
    createdAt: epochMs("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_event").on(table.endpointId, table.eventSeq),
    index("webhook_deliveries_due").on(table.state, table.nextAttemptAt),
    index("webhook_deliveries_resource").on(table.endpointId, table.resourceKey, table.eventSeq),
    index("webhook_deliveries_event_id").on(table.eventId),
  ],
);

/** Every attempt, for the delivery log: when, the receiver's HTTP status or the error, how long it took. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: integer("delivery_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    eventId: text("event_id").notNull(),
    at: epochMs("at").notNull(),
    status: integer("status"),
    error: text("error"),
    latencyMs: integer("latency_ms").notNull(),
  },
  (table) => [
    index("webhook_attempts_delivery").on(table.deliveryId, table.id),
    index("webhook_attempts_endpoint").on(table.endpointId, table.id),
  ],
);
