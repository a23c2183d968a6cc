import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

/** zapfloor customers as zapfloor sent them, with the normalised keys matching and search use. */
export const zapfloorCustomers = sqliteTable(
  "zapfloor_customers",
  {
    tenantId: text("tenant_id").notNull(),
    number: text("number").notNull(),
    /** The number as compared with an Exact Code or SearchCode (`codeMatchKey`): "0042" and "42" are one key. */
    numberKey: text("number_key"),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    vatNumber: text("vat_number"),
    vatKey: text("vat_key"),
    companyNumber: text("company_number"),
    /** The company number as matching compares it; read from a Belgian VAT number when none was given. */
    companyNumberKey: text("company_number_key"),
    email: text("email"),
    country: text("country"),
    /** `{ line1, line2, postcode, city }` as JSON. */
    address: text("address", { mode: "json" }).$type<Record<string, string>>(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.number] }),
    index("zapfloor_customers_vat").on(table.tenantId, table.vatKey),
    index("zapfloor_customers_name").on(table.tenantId, table.nameKey),
    index("zapfloor_customers_number_key").on(table.tenantId, table.numberKey),
    index("zapfloor_customers_company_number").on(table.tenantId, table.companyNumberKey),
    index("zapfloor_customers_updated").on(table.tenantId, table.updatedAt),
  ],
);
