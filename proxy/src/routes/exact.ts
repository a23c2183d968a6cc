import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  connectionSchema,
  connectQuerySchema,
  connectStartedSchema,
} from "@zapfloor-exact/shared/schemas/connection";
import type { AppEnv } from "../context";
import { anyRole, requireRole } from "../middleware/auth";
import { finishConnect } from "../services/exact-connection/finish-connect";
import { getConnection } from "../services/exact-connection/get-connection";
import { startConnect } from "../services/exact-connection/start-connect";
import { access, errors } from "./openapi";
import { connectedPage } from "./pages/connected-page";

const connectRoute = createRoute({
  method: "get",
  path: "/v1/exact/connect",
  tags: ["exact"],
  summary: "Start connecting Exact Online (OAuth consent)",
  ...access("bookkeeper"),
  middleware: [requireRole("bookkeeper")] as const,
  request: { query: connectQuerySchema },
  responses: {
    302: {
      description: "Redirect to Exact Online's consent page, with a one-time state bound to the tenant.",
    },
    200: {
      description: "With `format=json`: the consent URL.",
      content: { "application/json": { schema: connectStartedSchema } },
    },
    ...errors(400, 401, 403),
  },
});

const callbackRoute = createRoute({
  method: "get",
  path: "/exact/callback",
  tags: ["exact"],
  summary: "Exact Online's OAuth redirect target",
  ...access("none"),
  request: {
    query: z.object({
      code: z.string().min(1).optional().meta({
        description: "Exact's authorization code, exchanged for tokens.",
        example: "stampNL001.gAAA…",
      }),
      state: z
        .string()
        .min(1)
        .max(200)
        .meta({ description: "The one-time state the consent was started with.", example: "k3Jx9QyZ2v…" }),
      error: z
        .string()
        .optional()
        .meta({ description: "Set by Exact when the consent was refused.", example: "access_denied" }),
      error_description: z
        .string()
        .optional()
        .meta({ description: "Exact's explanation of `error`.", example: "The user denied access." }),
    }),
  },
  responses: {
    200: {
      description: "The connection is stored; a page lists the divisions.",
      content: { "text/html": { schema: z.string() } },
    },
    302: { description: "Back to `returnTo` when the consent was started with one." },
    ...errors(400, 502),
  },
});

const connectionRoute = createRoute({
  method: "get",
  path: "/v1/exact/connection",
  tags: ["exact"],
  summary: "The Exact Online connection: state, divisions, token ages, call budget",
  ...access("any"),
  middleware: [anyRole] as const,
  responses: {
    200: {
      description: "The connection state.",
      content: { "application/json": { schema: connectionSchema } },
    },
    ...errors(401),
  },
});

export function exactRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(connectRoute, async (c) => {
      const { host, returnTo, format } = c.req.valid("query");
      const started = await startConnect(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        host,
        ...(returnTo ? { returnTo } : {}),
      });
      if (format === "json") {
        return c.json(
          { authorizeUrl: started.authorizeUrl, expiresAt: new Date(started.expiresAt).toISOString() },
          200,
        );
      }
      return c.redirect(started.authorizeUrl, 302);
    })
    .openapi(callbackRoute, async (c) => {
      const query = c.req.valid("query");
      const deps = c.get("deps");
      if (query.error || !query.code) {
        return c.html(
          connectedPage({ ok: false, message: query.error_description ?? query.error ?? "No code." }),
          400,
        );
      }
      const finished = await finishConnect(deps, { code: query.code, state: query.state });
      for (const { division } of finished.divisions) deps.jobs.syncSoon(finished.tenantId, division);
      if (finished.returnTo) return c.redirect(finished.returnTo, 302);
      return c.html(connectedPage({ ok: true, user: finished.userName, divisions: finished.divisions }), 200);
    })
    .openapi(connectionRoute, async (c) =>
      c.json(await getConnection(c.get("deps"), c.get("caller").tenantId), 200),
    );
}
