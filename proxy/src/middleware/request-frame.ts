import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../context";
import { interactiveDeps } from "./interactive-exact";
import { requestIdFrom } from "./request-id";
import { logRequest } from "./request-log";
import { setSecurityHeaders } from "./security-headers";

/**
 * What every request passes through, in one step rather than one middleware each: its request id (logged, and
 * answered in `X-Request-Id`), its dependencies (bounded Exact waits under `/v1/`), the security headers, and
 * one log line.
 */
export function requestFrame(deps: AppDeps) {
  const api = interactiveDeps(deps);
  const https = { https: deps.publicUrl.startsWith("https:") };
  return createMiddleware<AppEnv>(async (c, next) => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    const path = c.req.path;
    c.set("deps", path.startsWith("/v1/") || path === "/v1" ? api : deps);
    await next();
    const headers = c.res.headers;
    headers.set("X-Request-Id", requestId);
    setSecurityHeaders(headers, https);
    logRequest(c, startedAt);
  });
}
