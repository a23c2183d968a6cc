import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import { attentionSchema } from "@zapfloor-exact/shared/schemas/attention";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import type { AppEnv } from "../context";
import { anyRole } from "../middleware/auth";
import { divisionAttention } from "../services/attention/division-attention";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const attentionRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/attention",
  tags: ["divisions"],
  summary: "What needs a bookkeeper: failed and parked pushes, accounts in conflict, suggestions",
  ...access(
    "any",
    "Each item carries its reason (a code and a sentence) and the action that resolves it: fix the settings, " +
      "link the right account, review the account, or retry. Also says what the division lacks before it can take " +
      "invoices. Costs no Exact call.",
  ),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema },
  responses: {
    200: { description: "What needs attention.", content: json(attentionSchema) },
    ...errors(400, 401, 404),
  },
});

export function attentionRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(attentionRoute, async (c) => {
    const { division } = c.req.valid("param");
    return c.json(
      await divisionAttention(c.get("deps"), { tenantId: c.get("caller").tenantId, division }),
      200,
    );
  });
}
