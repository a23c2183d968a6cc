import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import { exactIdParamSchema } from "@zapfloor-exact/shared/schemas/accounts";
import { accountInvoicesSchema, attentionSchema } from "@zapfloor-exact/shared/schemas/attention";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import type { AppEnv } from "../context";
import { anyRole } from "../middleware/auth";
import { accountInvoices } from "../services/attention/account-invoices";
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

const accountInvoicesRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/accounts/{exactId}/invoices",
  tags: ["accounts"],
  summary: "An account's open problems and its customer's latest invoices with push and paid state",
  ...access("any", "What the account panel shows besides the link. Costs no Exact call."),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema.extend(exactIdParamSchema.shape) },
  responses: {
    200: { description: "Problems and invoices.", content: json(accountInvoicesSchema) },
    ...errors(400, 401, 404),
  },
});

export function attentionRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(attentionRoute, async (c) => {
      const { division } = c.req.valid("param");
      return c.json(
        await divisionAttention(c.get("deps"), { tenantId: c.get("caller").tenantId, division }),
        200,
      );
    })
    .openapi(accountInvoicesRoute, async (c) => {
      const { division, exactId } = c.req.valid("param");
      const tenantId = c.get("caller").tenantId;
      return c.json(await accountInvoices(c.get("deps"), { tenantId, division, exactId }), 200);
    });
}
