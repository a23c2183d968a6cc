import type { Context } from "hono";
import { unauthorized } from "../http/exact-error";
import type { Grant } from "../oauth/token-store";
import type { SimRuntime } from "../runtime";

/** The grant behind the request's bearer token; 401 when missing, unknown or expired [exact-online-api.md §1]. */
export function authenticate(runtime: SimRuntime, c: Context): Grant {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthorized();
  const result = runtime.tokens.authenticate(match[1]!);
  if ("error" in result)
    throw unauthorized(result.error === "expired" ? "Access token expired" : "Unauthorized");
  return result.grant;
}
