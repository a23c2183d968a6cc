import { LINK_METHODS } from "@zapfloor-exact/shared/schemas/links";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export const linkMethods = LINK_METHODS;
export type LinkMethod = (typeof linkMethods)[number];

/** The link between a zapfloor customer and an Exact account: one per side per division. */
export const links = sqliteTable(
  "links",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    customerNumber: text("customer_number").notNull(),
    exactId: text("exact_id").notNull(),
    method: text("method", { enum: linkMethods }).notNull(),
    /** Who made it: a token label, or "zapfloor" for the integration. */
    linkedBy: text("linked_by").notNull(),
    linkedAt: epochMs("linked_at").notNull(),
  },
  (table) => [
    uniqueIndex("links_customer").on(table.tenantId, table.division, table.customerNumber),
    uniqueIndex("links_account").on(table.tenantId, table.division, table.exactId),
  ],
);
