import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import type { TokenRole } from "../db/schema";
import { refused } from "../errors";
import { cachedAuthenticate } from "../services/tenants/cached-authenticate";

/** Requires a valid bearer token of one of `roles`; the caller (tenant, role, label) is then `c.get("caller")`. */
export const requireRole = (...roles: TokenRole[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw refused(
        "unauthorized",
        { reason: "token_missing" },
        "Send an API token as `Authorization: Bearer <token>`.",
      );
    }
    const caller = await cachedAuthenticate(c.get("deps"), match[1]);
    if (!caller)
      throw refused(
        "unauthorized",
        { reason: "token_invalid" },
        "This API token is not valid or was revoked.",
      );
    if (!roles.includes(caller.role)) {
      throw refused(
        "forbidden",
        { reason: "token_wrong_role", params: { needed: roles.join(", "), role: caller.role } },
        `This needs ${withArticle(roles.join(" or "))} token; this one is ${withArticle(caller.role)} token.`,
      );
    }
    c.set("caller", caller);
    await next();
  });

const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;

export const anyRole = requireRole("integration", "bookkeeper");
