import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

/**
 * A claim taken before posting a new customer to Exact, so that concurrent or retried match-or-create calls
 * create it once: the holder posts; anyone else waits, and a retry after a crash first looks the account up
 * by its SearchCode in Exact.
 */
export const accountCreations = sqliteTable(
  "account_creations",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    customerNumber: text("customer_number").notNull(),
    state: text("state", { enum: ["creating", "created"] }).notNull(),
    owner: text("owner").notNull(),
    leaseUntil: epochMs("lease_until").notNull(),
    exactId: text("exact_id"),
    startedAt: epochMs("started_at").notNull(),
    finishedAt: epochMs("finished_at"),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.division, table.customerNumber] })],
);
