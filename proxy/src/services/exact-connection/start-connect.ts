import { createHash, randomBytes } from "node:crypto";
import { oauthStates } from "../../db/schema";
import { authorizeUrl } from "../../exact/oauth";
import type { ExactServiceContext } from "../context";

/** A consent must be finished within this time; Exact's own authorization code lives 3 minutes. [§1] */
export const STATE_LIFETIME_MS = 15 * 60_000;

export const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

export interface StartedConnect {
  authorizeUrl: string;
  expiresAt: number;
}

/** Starts the OAuth consent: a one-time `state`, bound to the tenant, and the Exact authorize URL carrying it. */
export async function startConnect(
  ctx: ExactServiceContext,
  input: { tenantId: string; host: string; returnTo?: string },
): Promise<StartedConnect> {
  const state = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const expiresAt = now + STATE_LIFETIME_MS;
  await ctx.db.insert(oauthStates).values({
    stateHash: hashState(state),
    tenantId: input.tenantId,
    host: input.host,
    returnTo: input.returnTo ?? null,
    createdAt: now,
    expiresAt,
  });
  return { authorizeUrl: authorizeUrl(ctx.exact.app, input.host, state), expiresAt };
}
