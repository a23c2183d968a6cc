import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";
import { exactConnections } from "./exact-connections";
import { tenants } from "./tenants";

/** The Exact divisions (administrations) a tenant's consent covers. */
export const divisions = sqliteTable(
  "divisions",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    division: integer("division").notNull(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => exactConnections.id),
    name: text("name").notNull(),
    country: text("country"),
    isCurrent: integer("is_current", { mode: "boolean" }).notNull().default(false),
    /** False once a later consent no longer covers it: kept for the history of links and entries. */
    accessible: integer("accessible", { mode: "boolean" }).notNull().default(true),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.division] })],
);
