import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import {
  customerInputSchema,
  customerNumberParamSchema,
  customerSearchQuerySchema,
  customerSearchResultSchema,
  customerUpsertResultSchema,
} from "@zapfloor-exact/shared/schemas/customers";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import { matchRequestSchema, matchResultSchema } from "@zapfloor-exact/shared/schemas/matching";
import type { AppEnv } from "../context";
import { anyRole, requireRole } from "../middleware/auth";
import { searchCustomers } from "../services/customers/search-customers";
import { upsertCustomer } from "../services/customers/upsert-customer";
import { matchCustomer } from "../services/matching/match-customer";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const upsertRoute = createRoute({
  method: "put",
  path: "/v1/customers/{number}",
  tags: ["customers"],
  summary: "Store a zapfloor customer",
  ...access(
    "integration",
    "Stores the customer as zapfloor knows it (a full replacement; sending the same body again changes nothing) and answers with its link and what match-or-create would decide in each division.",
  ),
  middleware: [requireRole("integration")] as const,
  request: {
    params: customerNumberParamSchema,
    body: { content: json(customerInputSchema), required: true },
  },
  responses: {
    200: { description: "Updated, or unchanged.", content: json(customerUpsertResultSchema) },
    201: { description: "New.", content: json(customerUpsertResultSchema) },
    ...errors(400, 401, 403),
  },
});

const searchRoute = createRoute({
  method: "get",
  path: "/v1/customers",
  tags: ["customers"],
  summary: "Search zapfloor customers (the extension's picker)",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { query: customerSearchQuerySchema },
  responses: {
    200: { description: "Customers by name, then number.", content: json(customerSearchResultSchema) },
    ...errors(400, 401, 404),
  },
});

const matchRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/customers/{number}/match",
  tags: ["matching"],
  summary: "Match-or-create: which Exact account is this zapfloor customer?",
  ...access(
    "integration",
    [
      "Decides from the account mirror with the matching decision table; no Exact call when the mirror is fresh.",
      "With `create: true` a match is linked, and when nothing matches a new Exact customer is created",
      "(Status C, allowed for sales, SearchCode = the zapfloor number) and linked — exactly once, however many",
      "calls arrive together and whatever crashes in between. A prospect, suspect or supplier is never",
      "duplicated: that is `review`, with `promote_and_link` offered. `create: false` changes nothing.",
    ].join(" "),
  ),
  middleware: [requireRole("integration")] as const,
  request: {
    params: divisionParamSchema.extend(customerNumberParamSchema.shape),
    body: { content: json(matchRequestSchema), required: true },
  },
  responses: {
    200: { description: "The decision, and what this call did.", content: json(matchResultSchema) },
    ...errors(400, 401, 403, 404, 409, 429, 502),
  },
});

export function customerRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(upsertRoute, async (c) => {
      const { number } = c.req.valid("param");
      const result = await upsertCustomer(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        number,
        customer: c.req.valid("json"),
      });
      return c.json(result, result.created ? 201 : 200);
    })
    .openapi(searchRoute, async (c) => {
      const query = c.req.valid("query");
      const result = await searchCustomers(c.get("deps"), { tenantId: c.get("caller").tenantId, ...query });
      return c.json(result, 200);
    })
    .openapi(matchRoute, async (c) => {
      const { division, number } = c.req.valid("param");
      const caller = c.get("caller");
      const result = await matchCustomer(c.get("deps"), {
        tenantId: caller.tenantId,
        division,
        customerNumber: number,
        create: c.req.valid("json").create,
        actor: caller.label,
      });
      return c.json(result, 200);
    });
}
