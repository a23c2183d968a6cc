import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export const syncKinds = ["full", "incremental", "account"] as const;
export type SyncKind = (typeof syncKinds)[number];
export const syncStatuses = ["idle", "running", "failed"] as const;

/**
 * The mirror's progress per division. Exact's sync Timestamps are Int64 row versions, kept as decimal text;
 * a high-water mark is stored only after a complete pass, so an interrupted pass is simply redone.
 */
export const divisionSync = sqliteTable(
  "division_sync",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    accountsTimestamp: text("accounts_timestamp"),
    deletedTimestamp: text("deleted_timestamp"),
    status: text("status", { enum: syncStatuses }).notNull().default("idle"),
    runningKind: text("running_kind", { enum: syncKinds }),
    leaseOwner: text("lease_owner"),
    leaseUntil: epochMs("lease_until"),
    progressDone: integer("progress_done").notNull().default(0),
    lastStartedAt: epochMs("last_started_at"),
    lastFullAt: epochMs("last_full_at"),
    lastCompletedAt: epochMs("last_completed_at"),
    lastKind: text("last_kind", { enum: syncKinds }),
    lastCalls: integer("last_calls"),
    lastChanged: integer("last_changed"),
    lastError: text("last_error"),
    /** The last failure by reason and params, for a reader's own language. */
    lastErrorReason: text("last_error_reason", { mode: "json" }).$type<{
      reason: string;
      params: Record<string, string>;
    }>(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.division] })],
);
