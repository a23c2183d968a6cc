import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

export interface GlMapping {
  /** zapfloor GL account code or revenue key → Exact GL account code. */
  [zapfloorKey: string]: string;
}
export interface VatMapping {
  /** VAT rate as a decimal string ("21", "6", "0") → Exact VAT code. */
  rates: Record<string, string>;
  /** The VAT code for customers outside the division's country (reverse charge / export). */
  international?: string;
}

/** How a division books zapfloor invoices, and how matching behaves there. */
export const divisionSettings = sqliteTable(
  "division_settings",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    salesJournal: text("sales_journal"),
    creditNoteJournal: text("credit_note_journal"),
    glMapping: text("gl_mapping", { mode: "json" }).$type<GlMapping>().notNull(),
    vatMapping: text("vat_mapping", { mode: "json" }).$type<VatMapping>().notNull(),
    autoCreate: integer("auto_create", { mode: "boolean" }).notNull().default(true),
    /** Whether the outbox pushes the division's invoices to Exact; off, they wait in `queued`. */
    autoPush: integer("auto_push", { mode: "boolean" }).notNull().default(true),
    /** What match-or-create does when only a prospect, suspect or supplier matches. */
    nonCustomerMatch: text("non_customer_match", { enum: ["review", "promote"] })
      .notNull()
      .default("review"),
    /** What match-or-create does when only an Exact customer with the same name is found. */
    similarNameMatch: text("similar_name_match", { enum: ["review", "create"] })
      .notNull()
      .default("review"),
    updatedAt: epochMs("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.division] })],
);
