import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export const linkActions = ["link", "unlink", "create", "promote"] as const;
export type LinkAction = (typeof linkActions)[number];

/** The audit trail of every link, unlink and account creation. Append-only. */
export const linkEvents = sqliteTable(
  "link_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    action: text("action", { enum: linkActions }).notNull(),
    customerNumber: text("customer_number").notNull(),
    exactId: text("exact_id").notNull(),
    method: text("method").notNull(),
    actor: text("actor").notNull(),
    at: epochMs("at").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (table) => [index("link_events_division").on(table.tenantId, table.division, table.id)],
);
