import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * How many committed writes changed what a division's requests are answered from: its access, sync row,
 * settings, mirrored accounts and links. Counted by triggers (migration `0010_change_versions`) in the writing
 * transaction, so that no write path, on any replica, can leave it behind; one primary-key read then tells a
 * process whether anything it holds for the division may be out of date (`division-probe.ts`). A row is never
 * deleted: a count that started again could repeat one a process holds.
 */
export const divisionVersions = sqliteTable(
  "division_versions",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    version: integer("version").notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.division] })],
);

/** The same count for a tenant's zapfloor customers, which every division of the tenant is matched against. */
export const customerVersions = sqliteTable("customer_versions", {
  tenantId: text("tenant_id").primaryKey(),
  version: integer("version").notNull(),
});
