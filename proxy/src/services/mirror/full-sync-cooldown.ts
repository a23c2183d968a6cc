import { readDivisionSync } from "../../db/mirror-store";
import { AppError } from "../../errors";
import type { ServiceContext } from "../context";

/** A full load costs a call per 1,000 accounts and more; asked for again within this time, it is refused. */
export const FULL_SYNC_COOLDOWN_MS = 10 * 60_000;

/**
 * A manual full sync of a division whose last full load is recent answers 429 with when to try again, so that
 * repeated requests cannot drain the division's Exact call budget. A sync already running is joined instead;
 * incremental syncs cost two calls and are limited by the API's rate limit.
 */
export async function checkFullSyncCooldown(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
): Promise<void> {
  const state = await readDivisionSync(ctx.db, scope);
  if (!state?.lastFullAt || state.status === "running") return;
  const waitMs = state.lastFullAt + FULL_SYNC_COOLDOWN_MS - ctx.clock.now();
  if (waitMs <= 0) return;
  const retryAfterSeconds = Math.ceil(waitMs / 1000);
  throw new AppError(
    "rate_limited",
    `Division ${scope.division} had a full sync less than ${FULL_SYNC_COOLDOWN_MS / 60_000} minutes ago; an incremental sync keeps it current. Try a full sync again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
    {
      said: {
        reason: "full_sync_too_soon",
        params: { division: String(scope.division), seconds: String(retryAfterSeconds) },
      },
    },
  );
}
