import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";
import { tenants } from "./tenants";

/** One-time OAuth `state` values (stored hashed), bound to the tenant that started the consent. */
export const oauthStates = sqliteTable("oauth_states", {
  stateHash: text("state_hash").primaryKey(),
  tenantId: text("tenant_id")
    .notNull()
    .references(() => tenants.id),
  host: text("host").notNull(),
  returnTo: text("return_to"),
  createdAt: epochMs("created_at").notNull(),
  expiresAt: epochMs("expires_at").notNull(),
  usedAt: epochMs("used_at"),
});
