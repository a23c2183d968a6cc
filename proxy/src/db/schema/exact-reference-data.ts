import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export const referenceKinds = ["journals", "glAccounts", "vatCodes"] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

/** A division's journals, GL accounts and VAT codes as last fetched from Exact (validation needs them often). */
export const exactReferenceData = sqliteTable(
  "exact_reference_data",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    kind: text("kind", { enum: referenceKinds }).notNull(),
    data: text("data", { mode: "json" }).$type<unknown[]>().notNull(),
    fetchedAt: epochMs("fetched_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.division, table.kind] })],
);
