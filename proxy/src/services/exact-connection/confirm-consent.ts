import { and, eq, gt, isNull } from "drizzle-orm";
import { oauthStates } from "../../db/schema";
import type { ConsentPreview } from "../../exact/consent-preview";
import type { ExactServiceContext } from "../context";
import { createPairingCode, type PairingCode } from "../pairing/create-pairing-code";
import { consentGone, otherBrowser } from "./consent-refused";
import type { FinishedConnect } from "./finish-connect";
import { type PendingTokens, pendingContext } from "./receive-consent";
import { hashState } from "./start-connect";
import { storeConnection } from "./store-connection";

/**
 * The bookkeeper's answer on the confirmation page, from the browser that received the consent: `connect`
 * stores the waiting tokens as the tenant's connection, `cancel` drops them. Either way the state is spent.
 */
export async function confirmConsent(
  ctx: ExactServiceContext,
  input: { state: string; browserNonce: string | undefined; connect: boolean },
): Promise<(FinishedConnect & { pairing: PairingCode | null }) | null> {
  const stateHash = hashState(input.state);
  const now = ctx.clock.now();
  const [row] = await ctx.db.select().from(oauthStates).where(eq(oauthStates.stateHash, stateHash));
  if (!row || row.usedAt !== null || row.expiresAt <= now || !row.pendingTokensEnc || !row.pendingPreview) {
    throw consentGone();
  }
  if (!row.browserHash || !input.browserNonce || hashState(input.browserNonce) !== row.browserHash) {
    throw otherBrowser();
  }
  const [spent] = await ctx.db
    .update(oauthStates)
    .set({ usedAt: now, pendingTokensEnc: null, pendingPreview: null })
    .where(
      and(
        eq(oauthStates.stateHash, stateHash),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, now),
        eq(oauthStates.pendingTokensEnc, row.pendingTokensEnc),
      ),
    )
    .returning({ stateHash: oauthStates.stateHash });
  if (!spent) throw consentGone();
  if (!input.connect) {
    ctx.logger.info("exact consent cancelled", { tenantId: row.tenantId });
    return null;
  }

  const { issuedAt, ...tokens } = JSON.parse(
    ctx.exact.cipher.decrypt(row.pendingTokensEnc, pendingContext(stateHash)),
  ) as PendingTokens;
  const preview = JSON.parse(row.pendingPreview) as ConsentPreview;
  const stored = await storeConnection(ctx, {
    tenantId: row.tenantId,
    host: row.host,
    tokens,
    issuedAt,
    preview,
  });
  // Seen on the proxy's own page (no returnTo): the bookkeeper there can pair a browser extension in one step.
  const pairing = row.returnTo ? null : await createPairingCode(ctx, { tenantId: row.tenantId });
  return { ...stored, returnTo: row.returnTo, pairing };
}
