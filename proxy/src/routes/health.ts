import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../context";
import { checkReadiness } from "../services/health/check-readiness";
import { access } from "./openapi";

const healthSchema = z
  .object({
    ok: z.boolean(),
    version: z.string(),
    db: z.enum(["ok", "unavailable"]),
  })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  summary: "Liveness: the process and its database answer",
  ...access("none"),
  responses: {
    200: {
      description: "The proxy and its database answer.",
      content: { "application/json": { schema: healthSchema } },
    },
    503: {
      description: "The database does not answer.",
      content: { "application/json": { schema: healthSchema } },
    },
  },
});

const readinessSchema = z
  .object({
    ready: z.boolean(),
    reason: z
      .enum(["storage_full", "storage_busy", "storage_unavailable", "migrations_pending", "secret_key_wrong"])
      .optional()
      .meta({ description: "Why not ready: short and stable." }),
    checks: z.object({
      database: z.enum(["ok", "failed"]),
      migrations: z.enum(["ok", "pending", "unknown"]),
      secretKey: z.enum(["ok", "no_tokens", "wrong", "unknown"]),
    }),
    version: z.string(),
  })
  .openapi("Readiness");

const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  tags: ["health"],
  summary:
    "Readiness: the database takes a write and reads it back, migrations are applied, the key opens a token",
  ...access("none"),
  responses: {
    200: {
      description: "Ready for traffic.",
      content: { "application/json": { schema: readinessSchema } },
    },
    503: {
      description: "Not ready; `reason` says why.",
      content: { "application/json": { schema: readinessSchema } },
    },
  },
});

export function healthRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(route, async (c) => {
      const { db, version } = c.get("deps");
      const dbOk = await db.run(sql`select 1`).then(
        () => true,
        () => false,
      );
      return c.json({ ok: dbOk, version, db: dbOk ? "ok" : "unavailable" } as const, dbOk ? 200 : 503);
    })
    .openapi(readyRoute, async (c) => {
      const deps = c.get("deps");
      const readiness = await checkReadiness(deps);
      return c.json({ ...readiness, version: deps.version }, readiness.ready ? 200 : 503);
    });
}
