import type { AttentionAction, AttentionReason } from "@zapfloor-exact/shared/schemas/attention";
import type { SalesEntryRow } from "../sales-entries/outbox-store";

export interface PushReason {
  reason: AttentionReason;
  action: AttentionAction;
  /** Accounts the entry's customer may belong to (a review), by Exact id. */
  candidates: string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** Why a failed or parked entry stopped, from what its last attempt recorded, and what resolves it. */
export function pushReason(row: SalesEntryRow): PushReason {
  const details = row.lastErrorDetails ?? {};
  if (Array.isArray(details.problems))
    return { reason: "booking_settings", action: "fix_settings", candidates: [] };
  if (typeof details.outcome === "string" || typeof details.error === "string") {
    return {
      reason: "customer_needs_review",
      action: "link_account",
      candidates: strings(details.candidates),
    };
  }
  if (Array.isArray(details.existing)) return { reason: "already_in_exact", action: "retry", candidates: [] };
  if (typeof details.exactStatus === "number")
    return { reason: "exact_refused", action: "retry", candidates: [] };
  return { reason: "push_failed", action: "retry", candidates: [] };
}
