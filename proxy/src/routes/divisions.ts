import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  divisionParamSchema,
  divisionSchema,
  syncRequestSchema,
  syncStateSchema,
} from "@zapfloor-exact/shared/schemas/divisions";
import type { AppEnv } from "../context";
import { readDivisionSync } from "../db/mirror-store";
import { anyRole } from "../middleware/auth";
import { countMirroredAccounts, listDivisions, syncStateOf } from "../services/divisions/list-divisions";
import { requireDivision } from "../services/divisions/require-division";
import { checkFullSyncCooldown } from "../services/mirror/full-sync-cooldown";
import { syncDivision } from "../services/mirror/sync-division";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const listRoute = createRoute({
  method: "get",
  path: "/v1/divisions",
  tags: ["divisions"],
  summary: "The tenant's divisions with the state of their account mirror",
  ...access("any"),
  middleware: [anyRole] as const,
  responses: {
    200: { description: "Divisions.", content: json(z.object({ divisions: z.array(divisionSchema) })) },
    ...errors(401),
  },
});

const getSyncRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/sync",
  tags: ["divisions"],
  summary: "The account mirror's sync state",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema },
  responses: {
    200: { description: "Sync state.", content: json(syncStateSchema) },
    ...errors(400, 401, 404),
  },
});

const runSyncRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/sync",
  tags: ["divisions"],
  summary: "Run the account mirror sync (a full load the first time, incremental after)",
  ...access("any", "Starts the sync and answers 202 with its state; `?wait=true` answers when it is done."),
  middleware: [anyRole] as const,
  request: {
    params: divisionParamSchema,
    query: z.object({
      wait: z
        .enum(["true", "false"])
        .default("false")
        .meta({ description: "`true` answers when the sync is done, with its result.", example: "true" }),
    }),
    body: { content: json(syncRequestSchema), required: false },
  },
  responses: {
    200: { description: "Finished (with `wait=true`).", content: json(syncStateSchema) },
    202: { description: "Started, or already running.", content: json(syncStateSchema) },
    ...errors(400, 401, 404, 429, 502),
  },
});

export function divisionRoutes() {
  const stateOf = async (deps: AppEnv["Variables"]["deps"], tenantId: string, division: number) =>
    syncStateOf(
      await readDivisionSync(deps.db, { tenantId, division }),
      await countMirroredAccounts(deps, tenantId, division),
    );

  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) =>
      c.json({ divisions: await listDivisions(c.get("deps"), c.get("caller").tenantId) }, 200),
    )
    .openapi(getSyncRoute, async (c) => {
      const { division } = c.req.valid("param");
      const { tenantId } = c.get("caller");
      await requireDivision(c.get("deps"), tenantId, division);
      return c.json(await stateOf(c.get("deps"), tenantId, division), 200);
    })
    .openapi(runSyncRoute, async (c) => {
      const { division } = c.req.valid("param");
      const { wait } = c.req.valid("query");
      const { kind } = syncRequestSchema.parse(c.req.valid("json") ?? {});
      const { tenantId } = c.get("caller");
      const deps = c.get("deps");
      await requireDivision(deps, tenantId, division);
      if (kind === "full") await checkFullSyncCooldown(deps, { tenantId, division });
      if (wait === "true") {
        await syncDivision(deps, { tenantId, division, kind });
        return c.json(await stateOf(deps, tenantId, division), 200);
      }
      deps.jobs.syncSoon(tenantId, division, kind);
      return c.json(await stateOf(deps, tenantId, division), 202);
    });
}
