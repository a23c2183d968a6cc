import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";
import { tenants } from "./tenants";

export const connectionStatuses = ["active", "needs_reconnect"] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/**
 * A tenant's consent to one Exact Online user on one country host. Tokens are AES-GCM encrypted.
 * `tokenVersion` grows with every stored refresh, so a refresh can be committed with a compare-and-swap;
 * the refresh lease lets one process at a time spend the single-use refresh token.
 */
export const exactConnections = sqliteTable("exact_connections", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id")
    .notNull()
    .unique()
    .references(() => tenants.id),
  host: text("host").notNull(),
  exactUserId: text("exact_user_id"),
  userName: text("user_name"),
  status: text("status", { enum: connectionStatuses }).notNull(),
  accessTokenEnc: text("access_token_enc").notNull(),
  accessTokenExpiresAt: epochMs("access_token_expires_at").notNull(),
  accessTokenIssuedAt: epochMs("access_token_issued_at").notNull(),
  refreshTokenEnc: text("refresh_token_enc").notNull(),
  refreshTokenIssuedAt: epochMs("refresh_token_issued_at").notNull(),
  tokenVersion: integer("token_version").notNull(),
  refreshLeaseOwner: text("refresh_lease_owner"),
  refreshLeaseUntil: epochMs("refresh_lease_until"),
  lastRefreshAt: epochMs("last_refresh_at"),
  lastError: text("last_error"),
  createdAt: epochMs("created_at").notNull(),
  updatedAt: epochMs("updated_at").notNull(),
});
