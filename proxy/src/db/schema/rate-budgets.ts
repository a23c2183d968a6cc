import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { epochMs } from "./columns";

/**
 * Exact's per-app, per-division call limits, shared by every proxy process: each call takes a slot here first,
 * and every response's X-RateLimit-* headers correct the estimate.
 */
export const rateBudgets = sqliteTable("rate_budgets", {
  /** `<client id>:<division>` — Exact counts per app and division. */
  key: text("key").primaryKey(),
  minutelyLimit: integer("minutely_limit").notNull(),
  minutelyRemaining: integer("minutely_remaining").notNull(),
  minutelyResetAt: epochMs("minutely_reset_at").notNull(),
  dailyLimit: integer("daily_limit").notNull(),
  dailyRemaining: integer("daily_remaining").notNull(),
  dailyResetAt: epochMs("daily_reset_at").notNull(),
  updatedAt: epochMs("updated_at").notNull(),
});
