import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

/** A zapfloor operator: every other row belongs to exactly one tenant. */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: epochMs("created_at").notNull(),
});
