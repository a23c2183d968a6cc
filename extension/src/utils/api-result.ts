import type { ErrorReason } from "@zapfloor-exact/shared/schemas/problem-codes";
import type { ApiValidationProblem } from "./proxy-types";

/** What the proxy's error is, by a reason this extension knows, with the values its English names. */
export interface Said {
  reason: ErrorReason;
  params: Record<string, string>;
}

/**
 * Why a call to the proxy did not give what was asked, in the terms a person can act on. The background
 * worker turns HTTP answers into these; views translate them by `kind`.
 */
export type Problem =
  | { kind: "not_configured" }
  | { kind: "permission_missing"; origin: string }
  | { kind: "unreachable"; detail: string }
  | { kind: "token_missing" }
  | { kind: "token_invalid" }
  | { kind: "forbidden"; message: string }
  | { kind: "division_not_connected"; division: number }
  | { kind: "not_found"; message: string; said?: Said }
  | { kind: "conflict"; message: string; problems?: ApiValidationProblem[]; said?: Said }
  /** A retry refused because the invoice's customer still needs a person (the attention row says why). */
  | { kind: "customer_needs_review"; customer: string }
  /** The division's Exact accounts have not been loaded yet: nothing can be shown or decided. */
  | { kind: "mirror_not_loaded"; division: number }
  /** `problems`: each thing wrong with the request, as the proxy named it (translate by its `code`). */
  | { kind: "failed"; httpStatus: number; message: string; problems?: ApiValidationProblem[]; said?: Said }
  /** The extension's own background worker did not answer (e.g. the extension was just updated). */
  | { kind: "background_failed"; detail: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const succeeded = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const failed = <T = never>(problem: Problem): ApiResult<T> => ({ ok: false, problem });

/** A problem the settings can fix: the panel and the overview offer to open them. */
export function isSettingsProblem(problem: Problem): boolean {
  return (
    problem.kind === "not_configured" ||
    problem.kind === "permission_missing" ||
    problem.kind === "token_missing" ||
    problem.kind === "token_invalid" ||
    problem.kind === "division_not_connected"
  );
}
