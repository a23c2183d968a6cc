import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../context";
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
  summary: "Liveness and readiness",
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

export function healthRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const { db, version } = c.get("deps");
    const dbOk = await db.run(sql`select 1`).then(
      () => true,
      () => false,
    );
    return c.json({ ok: dbOk, version, db: dbOk ? "ok" : "unavailable" } as const, dbOk ? 200 : 503);
  });
}
