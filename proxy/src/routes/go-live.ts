import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  goLiveParamSchema,
  goLiveQuerySchema,
  goLiveReviewSchema,
} from "@zapfloor-exact/shared/schemas/go-live";
import type { AppEnv } from "../context";
import { anyRole } from "../middleware/auth";
import { goLiveReview } from "../services/go-live/go-live-review";
import { access, errors } from "./openapi";

const reviewRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/go-live-review",
  tags: ["divisions"],
  summary: "The go-live review: what match-or-create would do for every zapfloor customer in the division",
  ...access(
    "any",
    "A dry run for each customer of the tenant — already linked, will link to which account and why, will create, " +
      "needs review, conflict — with the counts per outcome and the division's `autoCreate` and `autoPush` settings, " +
      "to check before switching those on (`PUT /v1/divisions/{division}/settings`). Decided from the division's " +
      "account mirror: costs no Exact call and changes nothing. `409` while the division's accounts were never loaded.",
  ),
  middleware: [anyRole] as const,
  request: { params: goLiveParamSchema, query: goLiveQuerySchema },
  responses: {
    200: { description: "The review.", content: { "application/json": { schema: goLiveReviewSchema } } },
    ...errors(400, 401, 404, 409),
  },
});

export function goLiveRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(reviewRoute, async (c) => {
    const { division } = c.req.valid("param");
    const { outcome } = c.req.valid("query");
    return c.json(
      await goLiveReview(c.get("deps"), { tenantId: c.get("caller").tenantId, division, outcome }),
      200,
    );
  });
}
