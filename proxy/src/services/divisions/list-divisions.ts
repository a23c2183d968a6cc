import type { SyncState } from "@zapfloor-exact/shared/schemas/divisions";
import { errorSaidSchema } from "@zapfloor-exact/shared/schemas/error";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { DivisionSyncRow } from "../../db/mirror-store";
import { divisionSettings, divisionSync, divisions, exactAccounts } from "../../db/schema";
import type { ServiceContext } from "../context";
import { bookingReadiness } from "../settings/readiness";

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/** A stored reason this build still knows; null for none, or one a later version wrote. */
const lastErrorReasonOf = (stored: unknown) => {
  const parsed = errorSaidSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
};

export function syncStateOf(row: DivisionSyncRow | null | undefined, accounts: number): SyncState {
  return {
    status: row?.status ?? "never",
    runningKind: row?.runningKind ?? null,
    progressRows: row?.progressDone ?? 0,
    lastKind: row?.lastKind ?? null,
    lastStartedAt: iso(row?.lastStartedAt),
    lastCompletedAt: iso(row?.lastCompletedAt),
    lastFullAt: iso(row?.lastFullAt),
    lastCalls: row?.lastCalls ?? null,
    lastChanged: row?.lastChanged ?? null,
    lastError: row?.lastError ?? null,
    lastErrorReason: lastErrorReasonOf(row?.lastErrorReason),
    accounts,
  };
}

export async function countMirroredAccounts(ctx: ServiceContext, tenantId: string, division: number) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(exactAccounts)
    .where(
      and(
        eq(exactAccounts.tenantId, tenantId),
        eq(exactAccounts.division, division),
        isNull(exactAccounts.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

/** The tenant's divisions with the state of their account mirror. */
export async function listDivisions(ctx: ServiceContext, tenantId: string) {
  const rows = await ctx.db
    .select({ division: divisions, sync: divisionSync, settings: divisionSettings })
    .from(divisions)
    .leftJoin(
      divisionSync,
      and(eq(divisionSync.tenantId, divisions.tenantId), eq(divisionSync.division, divisions.division)),
    )
    .leftJoin(
      divisionSettings,
      and(
        eq(divisionSettings.tenantId, divisions.tenantId),
        eq(divisionSettings.division, divisions.division),
      ),
    )
    .where(and(eq(divisions.tenantId, tenantId), eq(divisions.accessible, true)))
    .orderBy(asc(divisions.division));
  return Promise.all(
    rows.map(async ({ division, sync, settings }) => ({
      division: division.division,
      name: division.name,
      country: division.country,
      current: division.isCurrent,
      sync: syncStateOf(sync, await countMirroredAccounts(ctx, tenantId, division.division)),
      bookings: bookingReadiness(settings ?? undefined, Boolean(sync?.lastFullAt)),
    })),
  );
}
