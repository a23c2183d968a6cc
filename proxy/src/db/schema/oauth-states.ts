import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";
import { tenants } from "./tenants";

/**
 * One-time OAuth `state` values (stored hashed), bound to the tenant that started the consent and, once the
 * consent page is opened, to that browser (the hash of a nonce held in its HttpOnly cookie). Between Exact's
 * callback and the bookkeeper's confirmation the received tokens wait here, encrypted, with what they connect.
 */
export const oauthStates = sqliteTable("oauth_states", {
  stateHash: text("state_hash").primaryKey(),
  tenantId: text("tenant_id")
    .notNull()
    .references(() => tenants.id),
  host: text("host").notNull(),
  returnTo: text("return_to"),
  /** The language the consent's pages speak, when whoever started it said one. */
  lang: text("lang"),
  createdAt: epochMs("created_at").notNull(),
  expiresAt: epochMs("expires_at").notNull(),
  usedAt: epochMs("used_at"),
  browserHash: text("browser_hash"),
  receivedAt: epochMs("received_at"),
  pendingTokensEnc: text("pending_tokens_enc"),
  /** JSON: the Exact user and divisions the received tokens give access to, shown before they are stored. */
  pendingPreview: text("pending_preview"),
});
