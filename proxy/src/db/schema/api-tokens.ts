import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";
import { tenants } from "./tenants";

export const tokenRoles = ["integration", "bookkeeper"] as const;
export type TokenRole = (typeof tokenRoles)[number];

/** API tokens are shown once; only their SHA-256 hash is kept. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    role: text("role", { enum: tokenRoles }).notNull(),
    label: text("label").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: epochMs("created_at").notNull(),
    revokedAt: epochMs("revoked_at"),
    lastUsedAt: epochMs("last_used_at"),
  },
  (table) => [
    index("api_tokens_tenant").on(table.tenantId),
    // The revocation check of every replica's token cache reads only revoked rows (`cached-authenticate.ts`).
    index("api_tokens_revoked").on(table.revokedAt),
  ],
);
