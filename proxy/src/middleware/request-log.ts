import type { Context } from "hono";
import type { AppEnv } from "../context";

/** Logs one line per request: method, path without the query string (it may carry OAuth codes), status, duration. */
export function logRequest(c: Context<AppEnv>, startedAt: number): void {
  c.get("deps").logger.info("request", {
    requestId: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(performance.now() - startedAt),
  });
}
