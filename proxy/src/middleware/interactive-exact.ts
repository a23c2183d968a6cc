import type { AppDeps } from "../context";
import { withBudgetWait } from "../exact/client";

/**
 * How long a request may wait for Exact's next minute before a write: well inside the extension's 8 s, with
 * room for the call itself. A caller that would wait longer is answered 429 `exact_minute_used` at once.
 */
export const INTERACTIVE_BUDGET_WAIT_MS = 4_000;

/**
 * The dependencies an API request runs with: its Exact writes wait for the division's call budget no longer than
 * its caller waits. Background work (pushes, syncs, paid checks) holds the process's own client and keeps
 * waiting for its turn. Made once with the app, not per request.
 */
export function interactiveDeps(deps: AppDeps, maxWaitMs = INTERACTIVE_BUDGET_WAIT_MS): AppDeps {
  return { ...deps, exact: { ...deps.exact, client: withBudgetWait(deps.exact.client, maxWaitMs) } };
}
