import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";
import { tenants } from "./tenants";

/**
 * Short, single-use codes that hand a bookkeeper token to the extension: shown to a person, typed into the
 * options page. Only their SHA-256 hash is kept.
 */
export const pairingCodes = sqliteTable("pairing_codes", {
  codeHash: text("code_hash").primaryKey(),
  tenantId: text("tenant_id")
    .notNull()
    .references(() => tenants.id),
  /** The label the bookkeeper token gets. */
  label: text("label").notNull(),
  createdAt: epochMs("created_at").notNull(),
  expiresAt: epochMs("expires_at").notNull(),
  usedAt: epochMs("used_at"),
});

/** Failed code exchanges per minute, across every proxy process: what bounds guessing. */
export const pairingFailures = sqliteTable("pairing_failures", {
  /** The minute, as epoch milliseconds at its start. */
  minute: integer("minute").primaryKey(),
  failures: integer("failures").notNull(),
});
