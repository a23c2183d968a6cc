import { and, eq } from "drizzle-orm";
import { readConnectionOfTenant } from "../../db/connection-tokens";
import { divisionSync, divisions } from "../../db/schema";
import { budgetKey } from "../../exact/rate-budget";
import type { ExactServiceContext } from "../context";

/** Unused Exact refresh tokens die after 30 days. [§1, S13; P-invantive-old-rt] */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 86_400_000;
/** Warn this long before: enough time to have someone consent again. */
export const REFRESH_TOKEN_WARNING_MS = 7 * 86_400_000;

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/** The tenant's Exact connection at a glance: state, divisions with their sync, token ages, call budget. */
export async function getConnection(ctx: ExactServiceContext, tenantId: string) {
  const connection = await readConnectionOfTenant(ctx.db, tenantId);
  if (!connection) return { connected: false as const, sandbox: ctx.exact.app.sandbox };

  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ division: divisions, sync: divisionSync })
    .from(divisions)
    .leftJoin(
      divisionSync,
      and(eq(divisionSync.tenantId, divisions.tenantId), eq(divisionSync.division, divisions.division)),
    )
    .where(and(eq(divisions.tenantId, tenantId), eq(divisions.accessible, true)));

  const refreshExpiresAt = connection.refreshTokenIssuedAt + REFRESH_TOKEN_LIFETIME_MS;
  const warnings: string[] = [];
  if (connection.status === "needs_reconnect") {
    warnings.push("Exact Online no longer accepts this connection: connect again.");
  } else if (refreshExpiresAt - now < REFRESH_TOKEN_WARNING_MS) {
    warnings.push(
      `The Exact Online consent expires on ${iso(refreshExpiresAt)} unless the proxy uses it before then; connect again to renew it.`,
    );
  }

  return {
    connected: true as const,
    sandbox: ctx.exact.app.sandbox,
    status: connection.status,
    host: connection.host,
    user: connection.userName,
    accessTokenExpiresAt: iso(connection.accessTokenExpiresAt),
    lastRefreshAt: iso(connection.lastRefreshAt),
    refreshTokenAgeDays: Math.floor((now - connection.refreshTokenIssuedAt) / 86_400_000),
    refreshTokenExpiresAt: iso(refreshExpiresAt),
    lastError: connection.lastError,
    warnings,
    divisions: await Promise.all(
      rows.map(async ({ division, sync }) => ({
        division: division.division,
        name: division.name,
        current: division.isCurrent,
        lastSyncAt: iso(sync?.lastCompletedAt),
        syncStatus: sync?.status ?? "never",
        budget: await ctx.exact.budget.state(budgetKey(ctx.exact.app.clientId, division.division)),
      })),
    ),
  };
}
