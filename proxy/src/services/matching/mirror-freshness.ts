import { readDivisionSync } from "../../db/mirror-store";
import type { ServiceContext } from "../context";

/** A mirror synced this recently is trusted as is before creating an account; older, it is synced first. */
export const MIRROR_FRESH_MS = 60_000;

/**
 * A mirror not brought up to date for this long (the periodic sync has been failing) is not trusted at all:
 * decisions are `unknown` until a sync succeeds, for an account created meanwhile in Exact could be duplicated.
 */
export const MIRROR_TRUSTED_MS = 24 * 60 * 60_000;

/** `outdated`: loaded once, but not brought up to date within `MIRROR_TRUSTED_MS`. */
export type MirrorFreshness = "fresh" | "stale" | "outdated" | "never_loaded";

export interface MirrorState {
  freshness: MirrorFreshness;
  /** When a sync last completed (epoch ms), or null when the accounts were never loaded. */
  lastLoadedAt: number | null;
}

export async function mirrorState(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
): Promise<MirrorState> {
  return mirrorStateOf(await readDivisionSync(ctx.db, scope), ctx.clock.now());
}

/** The mirror's state from its sync row as read (`division-probe.ts` reads the same columns). */
export function mirrorStateOf(
  sync: { lastFullAt: number | null; lastCompletedAt: number | null; status: string | null } | undefined,
  now: number,
): MirrorState {
  if (!sync?.lastFullAt) return { freshness: "never_loaded", lastLoadedAt: null };
  const lastLoadedAt = sync.lastCompletedAt ?? sync.lastFullAt;
  const age = now - lastLoadedAt;
  if (age > MIRROR_TRUSTED_MS) return { freshness: "outdated", lastLoadedAt };
  if (sync.status === "running" || age > MIRROR_FRESH_MS) return { freshness: "stale", lastLoadedAt };
  return { freshness: "fresh", lastLoadedAt };
}

export async function mirrorFreshness(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
): Promise<MirrorFreshness> {
  return (await mirrorState(ctx, scope)).freshness;
}

/** Whether decisions can rest on the mirror at all. */
export function mirrorUsable(state: MirrorState): boolean {
  return state.freshness !== "never_loaded" && state.freshness !== "outdated";
}
