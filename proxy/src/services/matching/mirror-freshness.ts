import { readDivisionSync } from "../../db/mirror-store";
import type { ServiceContext } from "../context";

/** A mirror synced this recently is trusted as is before creating an account; older, it is synced first. */
export const MIRROR_FRESH_MS = 60_000;

export type MirrorFreshness = "fresh" | "stale" | "never_loaded";

export async function mirrorFreshness(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
): Promise<MirrorFreshness> {
  const sync = await readDivisionSync(ctx.db, scope);
  if (!sync?.lastFullAt) return "never_loaded";
  if (sync.status === "running" || !sync.lastCompletedAt) return "stale";
  return ctx.clock.now() - sync.lastCompletedAt <= MIRROR_FRESH_MS ? "fresh" : "stale";
}
