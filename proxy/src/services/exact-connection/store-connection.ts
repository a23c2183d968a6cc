import { randomUUID } from "node:crypto";
import { and, eq, notInArray } from "drizzle-orm";
import { readConnectionOfTenant } from "../../db/connection-tokens";
import { divisions, exactConnections } from "../../db/schema";
import type { ConsentPreview } from "../../exact/consent-preview";
import type { IssuedTokens } from "../../exact/oauth";
import { accessContext, refreshContext } from "../../exact/token-manager";
import type { ExactServiceContext } from "../context";

export interface StoredConnection {
  tenantId: string;
  connectionId: string;
  userName: string | null;
  divisions: { division: number; name: string }[];
}

/** Stores a consent's tokens encrypted as the tenant's connection, and records the divisions it covers. */
export async function storeConnection(
  ctx: ExactServiceContext,
  input: { tenantId: string; host: string; tokens: IssuedTokens; issuedAt: number; preview: ConsentPreview },
): Promise<StoredConnection> {
  const { tenantId, preview } = input;
  const now = ctx.clock.now();
  const existing = await readConnectionOfTenant(ctx.db, tenantId);
  const connectionId = existing?.id ?? randomUUID();
  const sealed = {
    host: input.host,
    status: "active" as const,
    accessTokenEnc: ctx.exact.cipher.encrypt(input.tokens.accessToken, accessContext(connectionId)),
    accessTokenExpiresAt: input.issuedAt + input.tokens.expiresIn * 1000,
    accessTokenIssuedAt: input.issuedAt,
    refreshTokenEnc: ctx.exact.cipher.encrypt(input.tokens.refreshToken, refreshContext(connectionId)),
    refreshTokenIssuedAt: input.issuedAt,
    refreshLeaseOwner: null,
    refreshLeaseUntil: null,
    lastError: null,
    exactUserId: preview.userId,
    userName: preview.userName,
    updatedAt: now,
  };

  await ctx.db.transaction(async (tx) => {
    if (existing) {
      await tx
        .update(exactConnections)
        .set({ ...sealed, tokenVersion: existing.tokenVersion + 1 })
        .where(eq(exactConnections.id, connectionId));
    } else {
      await tx
        .insert(exactConnections)
        .values({ id: connectionId, tenantId, ...sealed, tokenVersion: 1, createdAt: now });
    }
    for (const row of preview.divisions) {
      await tx
        .insert(divisions)
        .values({ tenantId, connectionId, ...row, accessible: true, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [divisions.tenantId, divisions.division],
          set: {
            connectionId,
            name: row.name,
            country: row.country,
            isCurrent: row.isCurrent,
            accessible: true,
            updatedAt: now,
          },
        });
    }
    const stillListed = preview.divisions.map((row) => row.division);
    await tx
      .update(divisions)
      .set({ accessible: false, updatedAt: now })
      .where(and(eq(divisions.tenantId, tenantId), notInArray(divisions.division, stillListed)));
  });

  ctx.logger.info("exact connected", { tenantId, divisions: preview.divisions.length });
  return {
    tenantId,
    connectionId,
    userName: preview.userName,
    divisions: preview.divisions.map(({ division, name }) => ({ division, name })),
  };
}
