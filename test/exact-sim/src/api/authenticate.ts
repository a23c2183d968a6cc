import type { Context } from "hono";
import { unauthorized } from "../http/exact-error";
import type { Grant } from "../oauth/token-store";
import type { SimRuntime } from "../runtime";
import type { CallTrace } from "./call-pipeline";

/**
 * The grant behind the request's bearer token; 401 when missing, unknown or expired [exact-online-api.md §1].
 * An expired token still names its app, so that 401 counts toward the app's error budget.
 */
export function authenticate(runtime: SimRuntime, c: Context, trace: CallTrace): Grant {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthorized();
  const result = runtime.tokens.authenticate(match[1]!);
  if (!("error" in result)) return result.grant;
  if (result.error === "expired") {
    trace.clientId = result.grant.clientId;
    throw unauthorized("Access token expired");
  }
  throw unauthorized();
}
