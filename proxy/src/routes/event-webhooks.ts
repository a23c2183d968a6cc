import type { OpenAPIHono } from "@hono/zod-openapi";
import { EVENT_TYPES, type EventTypeName, eventEnvelopeSchema } from "@zapfloor-exact/shared/schemas/events";
import { z } from "zod";
import type { AppEnv } from "../context";

const invoice = (
  state: string,
  paid: { status: string; outstanding: string | null; paidAt: string | null },
) => ({
  division: 3100001,
  invoiceNumber: "2026-0153",
  type: "invoice",
  customerNumber: "1042",
  totalInclVat: "587.46",
  currency: "EUR",
  state,
  attempts: 1,
  nextAttemptAt: null,
  lastError:
    state === "failed"
      ? { message: "Exact Online refused the entry.", exactMessage: "Journal 70 is blocked." }
      : state === "needs_review"
        ? { message: "Several Exact accounts could be zapfloor customer 1042.", exactMessage: null }
        : null,
  exact:
    state === "pushed"
      ? {
          accountId: "6c3b0d4e-0f5a-4c1b-9a3e-2d1f0b9c8a77",
          entryId: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
          entryNumber: 26700153,
          pushedAt: "2026-03-01T09:00:02.000Z",
        }
      : { accountId: null, entryId: null, entryNumber: null, pushedAt: null },
  paid: { ...paid, checkedAt: paid.paidAt },
  createdAt: "2026-03-01T09:00:00.000Z",
  updatedAt: "2026-03-01T09:00:02.000Z",
});
const open = { status: "unknown", outstanding: null, paidAt: null };
const link = {
  customerNumber: "1042",
  exactId: "6c3b0d4e-0f5a-4c1b-9a3e-2d1f0b9c8a77",
  method: "vat",
  linkedBy: "zapfloor",
  linkedAt: "2026-03-01T09:00:01.000Z",
};

const examples: Record<EventTypeName, object> = {
  "invoice.pushed": invoice("pushed", open),
  "invoice.failed": invoice("failed", open),
  "invoice.needs_review": invoice("needs_review", open),
  "invoice.paid": invoice("pushed", {
    status: "paid",
    outstanding: "0.00",
    paidAt: "2026-03-20T06:00:00.000Z",
  }),
  "invoice.reopened": invoice("pushed", { status: "open", outstanding: "587.46", paidAt: null }),
  "customer.created_in_exact": {
    customerNumber: "1042",
    exactId: "6c3b0d4e-0f5a-4c1b-9a3e-2d1f0b9c8a77",
    name: "Klant 1042 B.V.",
    searchCode: "1042",
    how: "created",
    linked: true,
  },
  "link.created": link,
  "link.removed": link,
  "link.stale": {
    ...link,
    reasons: [{ code: "account_blocked", message: 'The linked Exact account "Klant 1042 B.V." is blocked.' }],
  },
  "division.sync_failed": {
    division: 3100001,
    kind: "incremental",
    error: "Exact Online answered 503.",
    failedAt: "2026-03-01T09:15:00.000Z",
  },
  "connection.needs_reconnect": {
    status: "needs_reconnect",
    host: "start.exactonline.nl",
    user: "boekhouding@flexwerk.example",
    lastError: "The refresh token is no longer valid.",
  },
};

const descriptions: Record<EventTypeName, string> = {
  "invoice.pushed": "The invoice or credit note is booked in Exact (`data.exact` says where).",
  "invoice.failed":
    "Exact refused the entry, or it can no longer be booked as it is; `data.lastError` says why.",
  "invoice.needs_review":
    "The entry waits for a person (which customer account?); `data.lastError` says why.",
  "invoice.paid": "Exact's receivables no longer list the entry: paid in full.",
  "invoice.reopened": "An entry that was paid is open again in Exact.",
  "customer.created_in_exact": "The proxy created an Exact customer account for a zapfloor customer.",
  "link.created": "A zapfloor customer is now linked to an Exact account.",
  "link.removed": "A link was removed; `data` is the link as it was.",
  "link.stale":
    "The linked Exact account was deleted, blocked or is no longer a customer: the link needs a person.",
  "division.sync_failed":
    "The division's account mirror could not be brought up to date (once per run of failures).",
  "connection.needs_reconnect":
    "Exact Online no longer accepts the tenant's connection: someone must connect again.",
};

const headers = z.object({
  "webhook-id": z.string().meta({ description: "The event id: the same on every retry. Deduplicate on it." }),
  "webhook-timestamp": z.string().meta({ description: "Unix seconds when this attempt was signed." }),
  "webhook-signature": z.string().meta({
    description:
      '`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the endpoint secret; during a rotation two, space-separated.',
  }),
});

/** The events under OpenAPI 3.1 `webhooks`: what a registered endpoint receives, with an example of each. */
export function registerEventWebhooks(app: OpenAPIHono<AppEnv>) {
  for (const type of EVENT_TYPES) {
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      tags: ["webhooks to zapfloor"],
      summary: type,
      description: `${descriptions[type]} Signed per Standard Webhooks; answer 2xx within 10 s. Retried with exponential backoff for at least 24 h, in order per resource.`,
      request: {
        headers,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: eventEnvelopeSchema(type),
              example: {
                id: "evt_5f0c6a1e9b3d4c7a8e2f1d0b9a8c7e6f",
                type,
                timestamp: "2026-03-01T09:00:02.000Z",
                tenantId: "t_flexwerk",
                division: type === "connection.needs_reconnect" ? null : 3100001,
                data: examples[type],
              },
            },
          },
        },
      },
      responses: {
        200: { description: "Any 2xx: delivered." },
        410: { description: "Anything else (or no answer in time): retried later." },
      },
    });
  }
}
