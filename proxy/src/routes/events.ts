import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import {
  eventFeedQuerySchema,
  eventFeedSchema,
  eventParamSchema,
  redeliveredSchema,
  redeliverSchema,
} from "@zapfloor-exact/shared/schemas/events";
import type { AppEnv } from "../context";
import { requireRole } from "../middleware/auth";
import { readEventFeed } from "../services/events/event-feed";
import { redeliverEvent } from "../services/webhooks/redeliver";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const tags = ["webhooks to zapfloor"];

const feedRoute = createRoute({
  method: "get",
  path: "/v1/events",
  tags,
  summary: "The event feed, for integrators who cannot receive webhooks",
  ...access(
    "integration",
    "The tenant's events after `after`, oldest first; the same events the webhooks deliver, kept 30 days. " +
      "With `wait` (up to 30 s) an empty answer waits for the next event. Always pass the `nextCursor` back.",
  ),
  middleware: [requireRole("integration")] as const,
  request: { query: eventFeedQuerySchema },
  responses: {
    200: { description: "A page of events (possibly empty).", content: json(eventFeedSchema) },
    ...errors(400, 401, 403),
  },
});

const redeliverRoute = createRoute({
  method: "post",
  path: "/v1/events/{eventId}/redeliver",
  tags,
  summary: "Send an event again, to one endpoint or to every endpoint that wants it",
  ...access("integration"),
  middleware: [requireRole("integration")] as const,
  request: { params: eventParamSchema, body: { content: json(redeliverSchema), required: false } },
  responses: {
    202: { description: "Queued.", content: json(redeliveredSchema) },
    ...errors(400, 401, 403, 404),
  },
});

export function eventRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(feedRoute, async (c) => {
      const query = c.req.valid("query");
      const feed = await readEventFeed(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        after: query.after,
        waitSeconds: query.wait,
        limit: query.limit,
        signal: c.req.raw.signal,
      });
      return c.json(feed, 200);
    })
    .openapi(redeliverRoute, async (c) => {
      const { eventId } = c.req.valid("param");
      const { endpointId } = c.req.valid("json") ?? {};
      const deps = c.get("deps");
      const result = await redeliverEvent(deps, { tenantId: c.get("caller").tenantId, eventId, endpointId });
      deps.jobs.deliverSoon();
      return c.json(result, 202);
    });
}
