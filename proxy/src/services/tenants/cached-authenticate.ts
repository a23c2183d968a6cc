import { count, isNotNull, max } from "drizzle-orm";
import { apiTokens } from "../../db/schema";
import { hashApiToken, looksLikeApiToken } from "../../security/api-tokens";
import type { ServiceContext } from "../context";
import { authenticate, type Caller } from "./authenticate";

/** A token read from the database is trusted this long without reading it again. */
export const CALLER_TTL_MS = 5_000;
/** How old the revocation check may be when a cached caller is used: a revocation anywhere bites within it. */
export const REVOCATION_CHECK_MS = 1_000;
const MAX_CALLERS = 10_000;

interface Cache {
  callers: Map<string, { caller: Caller; readAt: number }>;
  /** What the revocation check last saw (how many tokens are revoked, and the latest time). */
  revocations?: string;
  checkedAt: number;
  checking?: Promise<void>;
}

const caches = new WeakMap<object, Cache>();

/**
 * `authenticate`, with the answer kept in memory for a few seconds, so that a busy caller's requests do not
 * each read its token. Revocation still holds on every replica, whichever process revoked (the operator CLI
 * is another process): before a kept answer is used, one read of the revoked tokens' count and latest time,
 * shared by all requests and at most a second old, says whether anything was revoked since; if so, everything
 * kept is dropped.
 */
export async function cachedAuthenticate(ctx: ServiceContext, token: string): Promise<Caller | undefined> {
  if (!looksLikeApiToken(token)) return undefined;
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = { callers: new Map(), checkedAt: Number.NEGATIVE_INFINITY };
    caches.set(ctx.db, cache);
  }
  const now = ctx.clock.now();
  if (now - cache.checkedAt > REVOCATION_CHECK_MS) await checkRevocations(ctx, cache);
  const hash = hashApiToken(token);
  const kept = cache.callers.get(hash);
  if (kept && now - kept.readAt <= CALLER_TTL_MS) return kept.caller;

  const caller = await authenticate(ctx, token);
  cache.callers.delete(hash);
  if (!caller) return undefined;
  cache.callers.set(hash, { caller, readAt: now });
  if (cache.callers.size > MAX_CALLERS) {
    const oldest = cache.callers.keys().next().value;
    if (oldest !== undefined) cache.callers.delete(oldest);
  }
  return caller;
}

/** Drops every kept answer of this database: this process just revoked a token. */
export function forgetCallers(ctx: ServiceContext): void {
  caches.get(ctx.db)?.callers.clear();
}

function checkRevocations(ctx: ServiceContext, cache: Cache): Promise<void> {
  cache.checking ??= (async () => {
    try {
      const startedAt = ctx.clock.now();
      const [row] = await ctx.db
        .select({ revoked: count(), latest: max(apiTokens.revokedAt) })
        .from(apiTokens)
        .where(isNotNull(apiTokens.revokedAt));
      const seen = `${row?.revoked ?? 0}:${row?.latest ?? ""}`;
      if (seen !== cache.revocations) cache.callers.clear();
      cache.revocations = seen;
      cache.checkedAt = startedAt;
    } finally {
      cache.checking = undefined;
    }
  })();
  return cache.checking;
}
