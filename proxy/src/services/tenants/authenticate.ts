import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens, type TokenRole } from "../../db/schema";
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
  if (!row.lastUsedAt || row.lastUsedAt < now - LAST_USED_PRECISION_MS) {
    await ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now - LAST_USED_PRECISION_MS)),
        ),
      );
  }
  return { tenantId: row.tenantId, tokenId: row.id, role: row.role, label: row.label };
}
