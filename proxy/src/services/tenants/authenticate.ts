import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens, type TokenRole } from "../../db/schema";
import { describeError } from "../../db/storage-error";
import { hashApiToken, looksLikeApiToken } from "../../security/api-tokens";
import type { ServiceContext } from "../context";

export interface Caller {
  tenantId: string;
  tokenId: string;
  role: TokenRole;
  /** Names the caller in audit trails. */
  label: string;
}

const LAST_USED_PRECISION_MS = 60_000;

/** Resolves a bearer token to its tenant and role; undefined when unknown, malformed or revoked. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Caller | undefined> {
  if (!looksLikeApiToken(token)) return undefined;
  const [row] = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  const now = ctx.clock.now();
  // Recording every use would add a write to every request; a minute's precision is enough to spot dead tokens.
  // Bookkeeping only: it never holds up or fails the request it records (the database may be busy or full).
  if (!row.lastUsedAt || row.lastUsedAt < now - LAST_USED_PRECISION_MS) {
    void ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now - LAST_USED_PRECISION_MS)),
        ),
      )
      .catch((error: unknown) =>
        ctx.logger.warn("token use not recorded", { tokenId: row.id, error: describeError(error) }),
      );
  }
  return { tenantId: row.tenantId, tokenId: row.id, role: row.role, label: row.label };
}
