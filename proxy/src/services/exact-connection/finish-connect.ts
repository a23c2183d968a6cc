import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, notInArray } from "drizzle-orm";
import { readConnectionOfTenant } from "../../db/connection-tokens";
import { divisions, exactConnections, oauthStates } from "../../db/schema";
import { AppError } from "../../errors";
import { exchangeCode } from "../../exact/oauth";
import { consentedDivisions } from "../../exact/resources/system";
import { me as meSchema } from "../../exact/schemas";
import { accessContext, appRejectedError, refreshContext } from "../../exact/token-manager";
import type { ExactServiceContext } from "../context";
import { hashState } from "./start-connect";

export interface FinishedConnect {
  tenantId: string;
  connectionId: string;
  userName: string | null;
  divisions: { division: number; name: string }[];
  returnTo: string | null;
}

/**
 * Finishes the consent: the `state` is spent (once, unexpired), the code is exchanged, the tokens are stored
 * encrypted, and the divisions the consent covers are recorded.
 */
export async function finishConnect(
  ctx: ExactServiceContext,
  input: { code: string; state: string },
): Promise<FinishedConnect> {
  const now = ctx.clock.now();
  const [spent] = await ctx.db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(
      and(
        eq(oauthStates.stateHash, hashState(input.state)),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, now),
      ),
    )
    .returning();
  if (!spent) {
    throw new AppError(
      "validation",
      "This Exact Online consent was already used or has expired. Start connecting again.",
    );
  }

  const exchanged = await exchangeCode(ctx.exact.http, ctx.exact.app, spent.host, input.code);
  if (!exchanged.ok) {
    if (exchanged.kind === "app_rejected") throw appRejectedError(exchanged.message);
    throw new AppError("upstream", "Exact Online did not accept the consent. Start connecting again.", {
      exactMessage: exchanged.message,
    });
  }

  // The token's 600 s run from Exact's answer, not from our request: counted from before the request, the
  // first refresh could come before Exact's 570 s and be refused. [§1, S12a]
  const answeredAt = ctx.clock.now();
  const connectionId = await storeTokens(ctx, spent.tenantId, spent.host, exchanged.tokens, answeredAt);
  const user = await ctx.exact.client.me(spent.tenantId, meSchema);
  await ctx.db
    .update(exactConnections)
    .set({ exactUserId: user.UserID, userName: user.FullName })
    .where(eq(exactConnections.id, connectionId));

  const consented = await consentedDivisions(ctx.exact.client.division(spent.tenantId, user.CurrentDivision));
  const listed = consented.map((row) => ({
    division: row.Code,
    name: row.Description?.trim() || `Division ${row.Code}`,
    country: row.Country?.trim() || null,
    isCurrent: row.Code === user.CurrentDivision,
  }));
  await ctx.db.transaction(async (tx) => {
    for (const row of listed) {
      await tx
        .insert(divisions)
        .values({
          tenantId: spent.tenantId,
          connectionId,
          ...row,
          accessible: true,
          createdAt: now,
          updatedAt: now,
        })
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
    const stillListed = listed.map((row) => row.division);
    await tx
      .update(divisions)
      .set({ accessible: false, updatedAt: now })
      .where(and(eq(divisions.tenantId, spent.tenantId), notInArray(divisions.division, stillListed)));
  });

  ctx.logger.info("exact connected", { tenantId: spent.tenantId, divisions: listed.length });
  return {
    tenantId: spent.tenantId,
    connectionId,
    userName: user.FullName,
    divisions: listed.map(({ division, name }) => ({ division, name })),
    returnTo: spent.returnTo,
  };
}

async function storeTokens(
  ctx: ExactServiceContext,
  tenantId: string,
  host: string,
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  now: number,
): Promise<string> {
  const existing = await readConnectionOfTenant(ctx.db, tenantId);
  const connectionId = existing?.id ?? randomUUID();
  const sealed = {
    host,
    status: "active" as const,
    accessTokenEnc: ctx.exact.cipher.encrypt(tokens.accessToken, accessContext(connectionId)),
    accessTokenExpiresAt: now + tokens.expiresIn * 1000,
    accessTokenIssuedAt: now,
    refreshTokenEnc: ctx.exact.cipher.encrypt(tokens.refreshToken, refreshContext(connectionId)),
    refreshTokenIssuedAt: now,
    refreshLeaseOwner: null,
    refreshLeaseUntil: null,
    lastError: null,
    updatedAt: now,
  };
  if (existing) {
    await ctx.db
      .update(exactConnections)
      .set({ ...sealed, tokenVersion: existing.tokenVersion + 1 })
      .where(eq(exactConnections.id, connectionId));
  } else {
    await ctx.db
      .insert(exactConnections)
      .values({ id: connectionId, tenantId, ...sealed, tokenVersion: 1, createdAt: now });
  }
  return connectionId;
}
