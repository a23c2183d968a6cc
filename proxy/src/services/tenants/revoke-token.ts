import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "../../db/schema";
import { notFound } from "../../errors";
import type { ServiceContext } from "../context";
import { forgetCallers } from "./cached-authenticate";

export async function revokeToken(
  ctx: ServiceContext,
  input: { tenantId: string; tokenId: string },
): Promise<void> {
  const revoked = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock.now() })
    .where(
      and(
        eq(apiTokens.id, input.tokenId),
        eq(apiTokens.tenantId, input.tenantId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  if (revoked.length === 0)
    throw notFound(`Active token ${input.tokenId}`, {
      reason: "token_not_found",
      params: { token: input.tokenId },
    });
  forgetCallers(ctx);
}
