import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

/**
 * The mirror of a division's Exact accounts: raw values as Exact sent them, plus the normalised keys the
 * matching looks up. A deleted account keeps its row (with `deletedAt`) so a link to it can say why it is stale.
 */
export const exactAccounts = sqliteTable(
  "exact_accounts",
  {
    tenantId: text("tenant_id").notNull(),
    division: integer("division").notNull(),
    id: text("id").notNull(),
    code: text("code"),
    codeKey: text("code_key"),
    searchCode: text("search_code"),
    searchCodeKey: text("search_code_key"),
    name: text("name").notNull(),
    vatNumber: text("vat_number"),
    vatKey: text("vat_key"),
    chamberOfCommerce: text("chamber_of_commerce"),
    companyNumberKey: text("company_number_key"),
    status: text("status"),
    isSupplier: integer("is_supplier", { mode: "boolean" }).notNull(),
    isSales: integer("is_sales", { mode: "boolean" }).notNull(),
    blocked: integer("blocked", { mode: "boolean" }).notNull(),
    email: text("email"),
    city: text("city"),
    postcode: text("postcode"),
    country: text("country"),
    exactTimestamp: text("exact_timestamp"),
    exactModifiedAt: epochMs("exact_modified_at"),
    mirroredAt: epochMs("mirrored_at").notNull(),
    deletedAt: epochMs("deleted_at"),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.division, table.id] }),
    index("exact_accounts_vat").on(table.tenantId, table.division, table.vatKey),
    index("exact_accounts_code").on(table.tenantId, table.division, table.codeKey),
    index("exact_accounts_search_code").on(table.tenantId, table.division, table.searchCodeKey),
    index("exact_accounts_company_number").on(table.tenantId, table.division, table.companyNumberKey),
    index("exact_accounts_name").on(table.tenantId, table.division, table.name),
    // The Accounts Overview's order (name without case, then id): its pages are ranges of this index.
    index("exact_accounts_listing").on(table.tenantId, table.division, sql`lower(${table.name})`, table.id),
    // Let the matching caches find what changed since they last looked, without a scan.
    index("exact_accounts_mirrored").on(table.tenantId, table.division, table.mirroredAt),
    index("exact_accounts_deleted").on(table.tenantId, table.division, table.deletedAt),
  ],
);
