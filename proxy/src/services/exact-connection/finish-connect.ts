import { and, eq, gt, isNull } from "drizzle-orm";
import { oauthStates } from "../../db/schema";
import { describeError } from "../../db/storage-error";
import { readConsentPreview } from "../../exact/consent-preview";
import { exchangeCode, type IssuedTokens } from "../../exact/oauth";
import { appRejectedError } from "../../exact/token-manager";
import type { ExactServiceContext } from "../context";
import { ConsentRefused, consentGone } from "./consent-refused";
import { hashState } from "./start-connect";
import { type StoredConnection, storeConnection } from "./store-connection";

export interface FinishedConnect extends StoredConnection {
  returnTo: string | null;
}

/** Exchanges an authorization code and reads who and what the tokens connect, without storing anything. */
export async function exchangeAndPreview(ctx: ExactServiceContext, host: string, code: string) {
  const exchanged = await exchangeCode(ctx.exact.http, ctx.exact.app, host, code);
  if (!exchanged.ok) {
    if (exchanged.kind === "app_rejected") throw appRejectedError(exchanged.message);
    throw new ConsentRefused(
      "not_accepted",
      "upstream",
      "Exact Online did not accept the consent. Start connecting again.",
      { exactMessage: exchanged.message },
    );
  }
  const tokens: IssuedTokens = exchanged.tokens;
  // The token's 600 s run from Exact's answer, not from our request: counted from before the request, the
  // first refresh could come before Exact's 570 s and be refused. [§1, S12a]
  const answeredAt = ctx.clock.now();
  try {
    return { tokens, answeredAt, preview: await readConsentPreview(ctx.exact, host, tokens.accessToken) };
  } catch (error) {
    ctx.logger.warn("exact consent preview failed", { error: describeError(error) });
    throw new ConsentRefused(
      "no_preview",
      "upstream",
      "Exact Online did not say which user and divisions the consent covers.",
    );
  }
}

/**
 * Finishes a consent in one step, on the proxy's own side (the CLI's sandbox consent): the `state` is spent
 * (once, unexpired), the code is exchanged and the connection stored. A browser's consent goes through
 * `receiveConsent` and `confirmConsent` instead, which bind it to that browser and ask before storing.
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
  if (!spent) throw consentGone();
  const { tokens, answeredAt, preview } = await exchangeAndPreview(ctx, spent.host, input.code);
  const stored = await storeConnection(ctx, {
    tenantId: spent.tenantId,
    host: spent.host,
    tokens,
    issuedAt: answeredAt,
    preview,
  });
  return { ...stored, returnTo: spent.returnTo };
}
