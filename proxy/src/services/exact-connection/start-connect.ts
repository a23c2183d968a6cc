import { createHash, randomBytes } from "node:crypto";
import type { PageLanguage } from "@zapfloor-exact/shared/schemas/connection";
import { lt } from "drizzle-orm";
import { oauthStates } from "../../db/schema";
import { authorizeUrl } from "../../exact/oauth";
import type { ExactServiceContext } from "../context";
import { checkReturnTo } from "./return-to";

/** A consent must be finished within this time; Exact's own authorization code lives 3 minutes. [§1] */
export const STATE_LIFETIME_MS = 15 * 60_000;

export const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

export interface StartedConnect {
  /** The proxy's page that binds the consent to the browser opening it, then goes on to Exact. */
  consentUrl: string;
  /** Exact's own consent page for this state: only for a consent finished on the proxy's side (the CLI). */
  authorizeUrl: string;
  expiresAt: number;
}

/**
 * Starts the OAuth consent: a one-time `state`, bound to the tenant (and to the language its pages speak, when
 * given), and the URL a browser opens to give it.
 * Expired states (and any tokens they still held) are purged on the way.
 */
export async function startConnect(
  ctx: ExactServiceContext & { publicUrl: string },
  input: { tenantId: string; host: string; returnTo?: string; lang?: PageLanguage },
): Promise<StartedConnect> {
  const returnTo = input.returnTo === undefined ? null : checkReturnTo(input.returnTo, ctx.publicUrl);
  const state = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const expiresAt = now + STATE_LIFETIME_MS;
  await ctx.db.delete(oauthStates).where(lt(oauthStates.expiresAt, now));
  await ctx.db.insert(oauthStates).values({
    stateHash: hashState(state),
    tenantId: input.tenantId,
    host: input.host,
    returnTo,
    lang: input.lang ?? null,
    createdAt: now,
    expiresAt,
  });
  return {
    consentUrl: `${ctx.publicUrl}/exact/consent?${new URLSearchParams({ state })}`,
    authorizeUrl: authorizeUrl(ctx.exact.app, input.host, state),
    expiresAt,
  };
}
