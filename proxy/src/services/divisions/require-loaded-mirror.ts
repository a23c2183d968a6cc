import { AppError } from "../../errors";
import type { ServiceContext } from "../context";
import { mirrorState } from "../matching/mirror-freshness";

/**
 * The division's accounts have been loaded at least once; otherwise a 409 that says the division needs
 * loading (`details.reason: "mirror_not_loaded"`), so that no view passes an empty mirror off as "nothing
 * there".
 */
export async function requireLoadedMirror(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
): Promise<void> {
  const state = await mirrorState(ctx, scope);
  if (state.freshness !== "never_loaded") return;
  throw mirrorNotLoaded(scope.division);
}

export function mirrorNotLoaded(division: number): AppError {
  return new AppError(
    "conflict",
    `The Exact accounts of division ${division} have not been loaded yet: load them (POST /v1/divisions/${division}/sync) before linking.`,
    { reason: "mirror_not_loaded", division, lastLoadedAt: null },
    { said: { reason: "mirror_not_loaded", params: { division: String(division) } } },
  );
}
