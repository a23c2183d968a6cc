import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import { linkEventsPageSchema, linkEventsQuerySchema } from "@zapfloor-exact/shared/schemas/links";
import type { AppEnv } from "../context";
import { anyRole } from "../middleware/auth";
import { listLinkEvents } from "../services/links/list-link-events";
import { access, errors } from "./openapi";

const listRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/link-events",
  tags: ["accounts"],
  summary: "The audit trail of links, unlinks, creations and promotions, newest first",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema, query: linkEventsQuerySchema },
  responses: {
    200: { description: "One page.", content: { "application/json": { schema: linkEventsPageSchema } } },
    ...errors(400, 401, 404),
  },
});

export function linkEventRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const { division } = c.req.valid("param");
    const query = c.req.valid("query");
    return c.json(
      await listLinkEvents(c.get("deps"), { tenantId: c.get("caller").tenantId, division, ...query }),
      200,
    );
  });
}
