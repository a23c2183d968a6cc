import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { oauthStates } from "../../db/schema";
import { authorizeUrl } from "../../exact/oauth";
import type { ExactServiceContext } from "../context";
import { consentGone } from "./consent-refused";
import { hashState } from "./start-connect";

/**
 * The first browser to open a consent link owns it: a fresh nonce, whose hash the state keeps, goes into that
 * browser's cookie, and only a callback carrying it can finish the consent. A link opened a second time (sent
 * to someone else, say) is refused.
 */
export async function openConsent(ctx: ExactServiceContext, state: string) {
  const nonce = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const [opened] = await ctx.db
    .update(oauthStates)
    .set({ browserHash: hashState(nonce) })
    .where(
      and(
        eq(oauthStates.stateHash, hashState(state)),
        isNull(oauthStates.browserHash),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, now),
      ),
    )
    .returning();
  if (!opened) throw consentGone();
  return {
    nonce,
    expiresAt: opened.expiresAt,
    authorizeUrl: authorizeUrl(ctx.exact.app, opened.host, state),
  };
}
