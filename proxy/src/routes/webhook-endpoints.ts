import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import {
  deliveryListQuerySchema,
  deliveryListSchema,
  endpointParamSchema,
  rotateSecretSchema,
  webhookEndpointInputSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
  webhookEndpointWithSecretSchema,
} from "@zapfloor-exact/shared/schemas/events";
import type { AppEnv } from "../context";
import { requireRole } from "../middleware/auth";
import { listDeliveries } from "../services/webhooks/delivery-log";
import {
  changeEndpoint,
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  rotateSecret,
} from "../services/webhooks/manage-endpoints";
import { access, errors } from "./openapi";

const DEFAULT_OVERLAP_SECONDS = 86_400;
const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const tags = ["webhooks to zapfloor"];
const integration = requireRole("integration");

const createEndpointRoute = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints",
  tags,
  summary: "Register a URL that receives signed events (Standard Webhooks)",
  ...access(
    "integration",
    "The URL must be https (plain http only on loopback); one pointing at this proxy or at a private address " +
      "outside loopback is refused, after resolving its host name. The answer carries the `whsec_` secret, shown " +
      "only now. See `webhooks` in this document for the events and docs/webhooks.md for verifying deliveries.",
  ),
  middleware: [integration] as const,
  request: { body: { content: json(webhookEndpointInputSchema), required: true } },
  responses: {
    201: { description: "Created, with its secret.", content: json(webhookEndpointWithSecretSchema) },
    ...errors(400, 401, 403, 409),
  },
});

const listEndpointsRoute = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints",
  tags,
  summary: "The tenant's webhook endpoints, with why one is paused",
  ...access("integration"),
  middleware: [integration] as const,
  responses: {
    200: { description: "Every endpoint.", content: json(webhookEndpointListSchema) },
    ...errors(401, 403),
  },
});

const updateEndpointRoute = createRoute({
  method: "patch",
  path: "/v1/webhook-endpoints/{endpointId}",
  tags,
  summary: "Change an endpoint's URL or event types, or pause or resume it",
  ...access(
    "integration",
    "A paused endpoint keeps its deliveries queued (30 days at most); `status: enabled` resumes it and delivers " +
      "what waited, in order per resource.",
  ),
  middleware: [integration] as const,
  request: {
    params: endpointParamSchema,
    body: { content: json(webhookEndpointUpdateSchema), required: true },
  },
  responses: {
    200: { description: "The endpoint as it is now.", content: json(webhookEndpointSchema) },
    ...errors(400, 401, 403, 404),
  },
});

const deleteEndpointRoute = createRoute({
  method: "delete",
  path: "/v1/webhook-endpoints/{endpointId}",
  tags,
  summary: "Remove an endpoint, its queue and its delivery log",
  ...access("integration"),
  middleware: [integration] as const,
  request: { params: endpointParamSchema },
  responses: {
    200: { description: "Removed; the endpoints that remain.", content: json(webhookEndpointListSchema) },
    ...errors(400, 401, 403, 404),
  },
});

const rotateRoute = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints/{endpointId}/rotate-secret",
  tags,
  summary: "Replace the signing secret, the old one still signing for an overlap window",
  ...access(
    "integration",
    "During the overlap each delivery carries two signatures in `webhook-signature` (space-separated): one " +
      "with the new secret, one with the old.",
  ),
  middleware: [integration] as const,
  request: { params: endpointParamSchema, body: { content: json(rotateSecretSchema), required: false } },
  responses: {
    200: { description: "The endpoint with its new secret.", content: json(webhookEndpointWithSecretSchema) },
    ...errors(400, 401, 403, 404),
  },
});

const deliveriesRoute = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{endpointId}/deliveries",
  tags,
  summary: "The endpoint's delivery log: each event's attempts, the receiver's status and latency",
  ...access("integration"),
  middleware: [integration] as const,
  request: { params: endpointParamSchema, query: deliveryListQuerySchema },
  responses: {
    200: { description: "Deliveries, newest first.", content: json(deliveryListSchema) },
    ...errors(400, 401, 403, 404),
  },
});

export function webhookEndpointRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(deliveriesRoute, async (c) => {
      const { endpointId } = c.req.valid("param");
      const query = c.req.valid("query");
      return c.json(
        await listDeliveries(c.get("deps"), {
          tenantId: c.get("caller").tenantId,
          endpointId,
          limit: query.limit,
          cursor: query.cursor,
        }),
        200,
      );
    })
    .openapi(createEndpointRoute, async (c) => {
      const body = c.req.valid("json");
      const endpoint = await createEndpoint(c.get("deps"), { tenantId: c.get("caller").tenantId, ...body });
      return c.json(endpoint, 201);
    })
    .openapi(listEndpointsRoute, async (c) =>
      c.json(await listEndpoints(c.get("deps"), c.get("caller").tenantId), 200),
    )
    .openapi(updateEndpointRoute, async (c) => {
      const { endpointId } = c.req.valid("param");
      const change = c.req.valid("json");
      const endpoint = await changeEndpoint(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        endpointId,
        ...change,
      });
      if (endpoint.status === "enabled") c.get("deps").jobs.deliverSoon();
      return c.json(endpoint, 200);
    })
    .openapi(deleteEndpointRoute, async (c) => {
      const { endpointId } = c.req.valid("param");
      return c.json(
        await deleteEndpoint(c.get("deps"), { tenantId: c.get("caller").tenantId, endpointId }),
        200,
      );
    })
    .openapi(rotateRoute, async (c) => {
      const { endpointId } = c.req.valid("param");
      // The body is optional: without one, the default overlap.
      const body = c.req.valid("json") as { overlapSeconds?: number } | undefined;
      const endpoint = await rotateSecret(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        endpointId,
        overlapSeconds: body?.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS,
      });
      return c.json(endpoint, 200);
    });
}
