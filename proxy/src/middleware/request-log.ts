import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

/** Logs one line per request: method, path without the query string (it may carry OAuth codes), status, duration. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const { logger } = c.get("deps");
  logger.info("request", {
    requestId: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
  });
});
