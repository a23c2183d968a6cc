import type { Tx } from "../../db/client";
import { recordEvent } from "./record-event";
import { resourceKeys } from "./resource-keys";

/** A division's mirror sync failed (once per run of failures). */
export async function recordSyncFailure(
  tx: Tx,
  scope: { tenantId: string; division: number },
  failure: { kind: string; error: string; at: number },
): Promise<void> {
  await recordEvent(tx, {
    ...scope,
    type: "division.sync_failed",
    resourceKey: resourceKeys.division(scope.division),
    at: failure.at,
    data: {
      division: scope.division,
      kind: failure.kind,
      error: failure.error,
      failedAt: new Date(failure.at).toISOString(),
    },
  });
}

/** Exact Online stopped accepting the tenant's connection: someone has to connect again. */
export async function recordConnectionLoss(
  tx: Tx,
  connection: { tenantId: string; host: string; userName: string | null },
  reason: string,
  at: number,
): Promise<void> {
  await recordEvent(tx, {
    tenantId: connection.tenantId,
    division: null,
    type: "connection.needs_reconnect",
    resourceKey: resourceKeys.connection(),
    at,
    data: { status: "needs_reconnect", host: connection.host, user: connection.userName, lastError: reason },
  });
}
