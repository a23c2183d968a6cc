import { z } from "zod";
import { linkSchema } from "./links";
import { pageQuery } from "./paging";
import { salesEntrySchema } from "./sales-entries";

/** Everything the proxy tells zapfloor about, by webhook and in the event feed. */
export const EVENT_TYPES = [
  "invoice.pushed",
  "invoice.failed",
  "invoice.needs_review",
  "invoice.paid",
  "invoice.reopened",
  "customer.created_in_exact",
  "link.created",
  "link.removed",
  "link.stale",
  "division.sync_failed",
  "connection.needs_reconnect",
] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventTypeName = z.infer<typeof eventTypeSchema>;

const invoiceData = salesEntrySchema.omit({ invoice: true });

export const createdCustomerSchema = z
  .object({
    customerNumber: z.string(),
    exactId: z.string(),
    name: z.string(),
    searchCode: z.string().nullable(),
    how: z.enum(["created", "recovered"]).meta({
      description:
        "`recovered`: an earlier attempt created it but its answer was lost; found by its SearchCode.",
    }),
    linked: z.boolean(),
  })
  .meta({ id: "CreatedCustomer" });

export const staleLinkSchema = linkSchema
  .extend({
    reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: "StaleLink" });

export const syncFailureSchema = z
  .object({ division: z.number(), kind: z.string(), error: z.string(), failedAt: z.string() })
  .meta({ id: "SyncFailure" });

export const connectionLossSchema = z
  .object({
    status: z.literal("needs_reconnect"),
    host: z.string(),
    user: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "ConnectionLoss" });

/** The `data` of each event type: the resource as the API shows it. */
export const eventDataSchemas = {
  "invoice.pushed": invoiceData,
  "invoice.failed": invoiceData,
  "invoice.needs_review": invoiceData,
  "invoice.paid": invoiceData,
  "invoice.reopened": invoiceData,
  "customer.created_in_exact": createdCustomerSchema,
  "link.created": linkSchema,
  "link.removed": linkSchema,
  "link.stale": staleLinkSchema,
  "division.sync_failed": syncFailureSchema,
  "connection.needs_reconnect": connectionLossSchema,
} satisfies Record<EventTypeName, z.ZodType>;

const envelopeFields = {
  id: z.string().meta({ description: "Unique; also the `webhook-id` header. Deduplicate on it." }),
  timestamp: z.string().meta({ description: "When it happened (ISO 8601)." }),
  tenantId: z.string(),
  division: z.number().nullable().meta({ description: "The Exact division; null for the whole connection." }),
};

export function eventEnvelopeSchema<T extends EventTypeName>(type: T) {
  return z.object({ ...envelopeFields, type: z.literal(type), data: eventDataSchemas[type] });
}

export const eventSchema = z
  .object({ ...envelopeFields, type: eventTypeSchema, data: z.record(z.string(), z.unknown()) })
  .meta({ id: "Event" });
export type EventView = z.infer<typeof eventSchema>;

export const eventFeedQuerySchema = z.object({
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "the `nextCursor` of a previous page")
    .optional()
    .meta({
      description: "`nextCursor` of the previous page; without it, the oldest event kept (30 days).",
      example: "ZXZ0XzAxSjlZ",
    }),
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(0)
    .meta({ description: "Seconds (0–30) to wait for the next event when there is none yet.", example: 25 }),
  limit: pageQuery.limit,
});

export const eventFeedSchema = z
  .object({
    events: z.array(eventSchema),
    nextCursor: z.string().meta({ description: "Pass as `after` next time, also when `events` is empty." }),
  })
  .meta({ id: "EventFeed" });

const webhookUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000)
  .meta({
    description: "https; plain http only on loopback.",
    example: "https://zapfloor.example/exact-events",
  });

const eventTypesSchema = z
  .array(eventTypeSchema)
  .max(EVENT_TYPES.length)
  .meta({
    description: "The event types wanted; empty or left out: all.",
    example: ["invoice.pushed", "invoice.failed", "invoice.paid"],
  });

export const endpointStatusSchema = z.enum(["enabled", "paused"]);

export const webhookEndpointInputSchema = z
  .strictObject({
    url: webhookUrlSchema,
    eventTypes: eventTypesSchema.default([]),
    description: z.string().max(500).default("").meta({
      description: "A note for people: what receives these events.",
      example: "zapfloor production",
    }),
  })
  .meta({ id: "WebhookEndpointInput" });

export const webhookEndpointUpdateSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    eventTypes: eventTypesSchema.optional(),
    description: z.string().max(500).optional().meta({
      description: "A note for people: what receives these events.",
      example: "zapfloor production",
    }),
    status: endpointStatusSchema.optional().meta({
      description: "`enabled` resumes a paused endpoint: what waited is delivered in order.",
      example: "enabled",
    }),
  })
  .meta({ id: "WebhookEndpointUpdate" });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(eventTypeSchema),
    status: endpointStatusSchema,
    pausedReason: z.string().nullable(),
    pausedAt: z.string().nullable(),
    previousSecretValidUntil: z.string().nullable().meta({
      description: "During a rotation, deliveries carry a signature with the old secret too until then.",
    }),
    pendingDeliveries: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointWithSecretSchema = webhookEndpointSchema
  .extend({
    secret: z.string().meta({
      description: "`whsec_…`: shown only now. Verify deliveries with it (Standard Webhooks).",
    }),
  })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookEndpointListSchema = z
  .object({ endpoints: z.array(webhookEndpointSchema) })
  .meta({ id: "WebhookEndpointList" });

export const endpointParamSchema = z.object({
  endpointId: z
    .string()
    .regex(/^ep_[A-Za-z0-9]{1,64}$/, "a webhook endpoint id (ep_…)")
    .meta({ description: "The webhook endpoint's id.", example: "ep_2fK9xQ7LmN" }),
});

export const rotateSecretSchema = z
  .strictObject({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(86_400)
      .meta({
        description: "How long the old secret still signs too, in seconds (default 24 h, at most 7 days).",
        example: 86400,
      }),
  })
  .meta({ id: "RotateSecret" });

export const deliveryAttemptSchema = z
  .object({
    at: z.string(),
    status: z.number().nullable().meta({ description: "The receiver's HTTP status; null when none came." }),
    error: z.string().nullable(),
    latencyMs: z.number(),
  })
  .meta({ id: "DeliveryAttempt" });

export const deliverySchema = z
  .object({
    eventId: z.string(),
    eventType: eventTypeSchema,
    state: z.enum(["pending", "delivering", "delivered"]),
    attempts: z.array(deliveryAttemptSchema),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: "Delivery" });

export const deliveryListQuerySchema = z.object({ ...pageQuery });

export const deliveryListSchema = z
  .object({ deliveries: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .meta({ id: "DeliveryList" });

export const eventParamSchema = z.object({
  eventId: z
    .string()
    .regex(/^evt_[A-Za-z0-9]{1,64}$/, "an event id (evt_…)")
    .meta({ description: "The event's id.", example: "evt_01J9Y4Q2V7" }),
});

export const redeliverSchema = z
  .strictObject({
    endpointId: endpointParamSchema.shape.endpointId.optional().meta({
      description: "Only this endpoint; by default every endpoint that wants the event type.",
      example: "ep_2fK9xQ7LmN",
    }),
  })
  .meta({ id: "RedeliverRequest" });

export const redeliveredSchema = z
  .object({ queued: z.number().meta({ description: "Deliveries queued." }) })
  .meta({ id: "Redelivered" });
