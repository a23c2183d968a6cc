import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

/** Named leases for work that one process at a time should do (a division's push worker, paid-state checks). */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  owner: text("owner").notNull(),
  until: epochMs("until").notNull(),
});
