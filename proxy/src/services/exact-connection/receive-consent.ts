import { and, eq, gt, isNull } from "drizzle-orm";
import { oauthStates, tenants } from "../../db/schema";
import type { ConsentPreview } from "../../exact/consent-preview";
import type { IssuedTokens } from "../../exact/oauth";
import type { ExactServiceContext } from "../context";
import { ConsentRefused, consentGone, otherBrowser } from "./consent-refused";
import { exchangeAndPreview } from "./finish-connect";
import { hashState } from "./start-connect";

/** The tokens as Exact issued them, and when: their lifetime runs from Exact's answer, not the confirmation. */
export type PendingTokens = IssuedTokens & { issuedAt: number };

export const pendingContext = (stateHash: string) => `oauth-pending:${stateHash}`;

/**
 * Exact's callback in the browser that opened the consent: the code is exchanged, and the tokens wait,
 * encrypted, until the bookkeeper confirms the tenant, Exact user and divisions shown to them. Nothing is
 * connected yet.
 */
export async function receiveConsent(
  ctx: ExactServiceContext,
  input: { state: string; code: string; browserNonce: string | undefined },
): Promise<{ tenantName: string; preview: ConsentPreview }> {
  const stateHash = hashState(input.state);
  const now = ctx.clock.now();
  const [row] = await ctx.db.select().from(oauthStates).where(eq(oauthStates.stateHash, stateHash));
  if (!row || row.usedAt !== null || row.receivedAt !== null || row.expiresAt <= now) {
    throw consentGone();
  }
  if (!row.browserHash || !input.browserNonce || hashState(input.browserNonce) !== row.browserHash) {
    throw otherBrowser();
  }
  const [claimed] = await ctx.db
    .update(oauthStates)
    .set({ receivedAt: now })
    .where(
      and(
        eq(oauthStates.stateHash, stateHash),
        isNull(oauthStates.receivedAt),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, now),
      ),
    )
    .returning();
  if (!claimed) {
    throw new ConsentRefused(
      "already_received",
      "validation",
      "This Exact Online consent was already received.",
    );
  }

  const { tokens, answeredAt, preview } = await exchangeAndPreview(ctx, row.host, input.code);
  const pending: PendingTokens = { ...tokens, issuedAt: answeredAt };
  await ctx.db
    .update(oauthStates)
    .set({
      pendingTokensEnc: ctx.exact.cipher.encrypt(JSON.stringify(pending), pendingContext(stateHash)),
      pendingPreview: JSON.stringify(preview),
    })
    .where(eq(oauthStates.stateHash, stateHash));
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, row.tenantId));
  return { tenantName: tenant?.name ?? row.tenantId, preview };
}
