import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export const salesEntryStates = ["queued", "pushing", "pushed", "failed", "needs_review"] as const;
export type SalesEntryState = (typeof salesEntryStates)[number];

/**
 * The outbox: one row per zapfloor invoice or credit note, written in the same transaction that accepts it.
 * Workers claim rows with a lease; `YourRef` = invoice number lets a retry find an entry Exact already has.
 */
export const salesEntries = sqliteTable(
  "sales_entries",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    invoiceNumber: text("invoice_number").notNull(),
    bodyHash: text("body_hash").notNull(),
    body: text("body", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    customerNumber: text("customer_number").notNull(),
    type: text("type", { enum: ["invoice", "credit_note"] }).notNull(),
    state: text("state", { enum: salesEntryStates }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: epochMs("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: epochMs("lease_until"),
    /** When a POST of this entry was last about to be sent: set, Exact may have it, so its `YourRef` is looked up first. */
    postSentAt: epochMs("post_sent_at"),
    lastError: text("last_error"),
    lastErrorDetails: text("last_error_details", { mode: "json" }).$type<Record<string, unknown>>(),
    exactAccountId: text("exact_account_id"),
    exactEntryId: text("exact_entry_id"),
    exactEntryNumber: integer("exact_entry_number"),
    pushedAt: epochMs("pushed_at"),
    /** Outstanding amount incl. VAT as a decimal string; "0.00" once paid. */
    outstanding: text("outstanding"),
    paidAt: epochMs("paid_at"),
    paidCheckedAt: epochMs("paid_checked_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.division, table.invoiceNumber] }),
    index("sales_entries_due").on(table.state, table.nextAttemptAt),
    index("sales_entries_division_state").on(table.tenantId, table.division, table.state),
  ],
);
