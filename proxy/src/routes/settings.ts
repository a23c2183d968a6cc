import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import { referenceDataSchema } from "@zapfloor-exact/shared/schemas/reference-data";
import { settingsInputSchema, settingsSchema } from "@zapfloor-exact/shared/schemas/settings";
import type { AppEnv } from "../context";
import { anyRole, requireRole } from "../middleware/auth";
import { getReferenceData } from "../services/settings/get-reference-data";
import { getSettings } from "../services/settings/get-settings";
import { putSettings } from "../services/settings/put-settings";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const getRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/settings",
  tags: ["settings"],
  summary: "How the division books zapfloor invoices, and how matching behaves there",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema },
  responses: {
    200: { description: "The settings (the defaults when none were saved).", content: json(settingsSchema) },
    ...errors(400, 401, 404),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/v1/divisions/{division}/settings",
  tags: ["settings"],
  summary: "Save the sales journal, credit-note journal, GL and VAT mappings and matching behaviour",
  ...access(
    "bookkeeper",
    "Every journal, GL account and VAT code is checked against what the division has in Exact (read once and " +
      "cached; `?refresh=true` reads them again). Every problem is listed at once.",
  ),
  middleware: [requireRole("bookkeeper")] as const,
  request: {
    params: divisionParamSchema,
    query: z.object({
      refresh: z.enum(["true", "false"]).default("false").meta({
        description:
          "`true` reads the division's journals, G/L accounts and VAT codes from Exact again first.",
        example: "true",
      }),
    }),
    body: { content: json(settingsInputSchema), required: true },
  },
  responses: {
    200: { description: "Saved.", content: json(settingsSchema) },
    ...errors(400, 401, 403, 404, 429, 502),
  },
});

const referenceDataRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/reference-data",
  tags: ["settings"],
  summary: "What the settings can choose from: sales journals, revenue GL accounts, sales VAT codes",
  ...access(
    "any",
    "Exact's codes and descriptions as last read from the division. Served from the proxy's cache; the first " +
      "read (or a refresh) costs Exact calls: one for the journals, one for the VAT codes, one per 60 GL accounts.",
  ),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema },
  responses: {
    200: { description: "The division's reference data.", content: json(referenceDataSchema) },
    ...errors(400, 401, 404, 429, 502),
  },
});

const refreshReferenceDataRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/reference-data/refresh",
  tags: ["settings"],
  summary: "Read the division's journals, GL accounts and VAT codes from Exact again",
  ...access(
    "bookkeeper",
    "For codes added in Exact since the last read. Costs one call for the journals, one for the VAT codes and " +
      "one per 60 GL accounts.",
  ),
  middleware: [requireRole("bookkeeper")] as const,
  request: { params: divisionParamSchema },
  responses: {
    200: { description: "The division's reference data, just read.", content: json(referenceDataSchema) },
    ...errors(400, 401, 403, 404, 429, 502),
  },
});

export function settingsRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(getRoute, async (c) => {
      const { division } = c.req.valid("param");
      return c.json(await getSettings(c.get("deps"), { tenantId: c.get("caller").tenantId, division }), 200);
    })
    .openapi(putRoute, async (c) => {
      const { division } = c.req.valid("param");
      const caller = c.get("caller");
      const deps = c.get("deps");
      const saved = await putSettings(deps, {
        tenantId: caller.tenantId,
        division,
        settings: c.req.valid("json"),
        by: caller.label,
        refresh: c.req.valid("query").refresh === "true",
      });
      // Invoices that waited for auto-push go now.
      if (saved.autoPush) deps.jobs.pushSoon();
      return c.json(saved, 200);
    })
    .openapi(referenceDataRoute, async (c) => {
      const { division } = c.req.valid("param");
      const tenantId = c.get("caller").tenantId;
      return c.json(await getReferenceData(c.get("deps"), { tenantId, division }), 200);
    })
    .openapi(refreshReferenceDataRoute, async (c) => {
      const { division } = c.req.valid("param");
      const tenantId = c.get("caller").tenantId;
      return c.json(await getReferenceData(c.get("deps"), { tenantId, division, refresh: true }), 200);
    });
}
