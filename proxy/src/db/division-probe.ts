import { sql } from "drizzle-orm";
import type { Db } from "./client";
import type { MirrorProbe } from "./mirror-reads";
import {
  divisionSettings,
  divisionSync,
  divisions,
  exactAccounts,
  linkEvents,
  zapfloorCustomers,
} from "./schema";

/**
 * Everything a request on a division needs to know before it may answer from memory, in one statement of
 * index seeks: whether the tenant's consent covers the division, and what versions the mirror, the tenant's
 * customers and the division's links are at (the probes of `mirror-index.ts`, `customer-index-cache.ts` and
 * `link-cache.ts`).
 */
export interface DivisionProbe {
  accessible: boolean;
  mirror: MirrorProbe;
  /** The sync row's columns the mirror's freshness is judged by. */
  sync: { lastFullAt: number | null; lastCompletedAt: number | null; status: string | null };
  /** The division's `similarNameMatch` setting, when it has settings. */
  similarNameMatch: string | null;
  lastCustomerChange: number | null;
  lastLinkEventId: number;
}

type Scope = { tenantId: string; division: number };

const tenant = sql.placeholder("tenantId");
const division = sql.placeholder("division");

function prepareProbe(db: Db) {
  const inDivision = (
    table: typeof exactAccounts | typeof divisionSync | typeof linkEvents | typeof divisions,
  ) => sql`${table.tenantId} = ${tenant} and ${table.division} = ${division}`;
  const syncColumn = (column: typeof divisionSync.status | typeof divisionSync.lastStartedAt) =>
    sql`(select ${column} from ${divisionSync} where ${inDivision(divisionSync)})`;
  return db
    .select({
      accessible: sql<
        number | null
      >`(select ${divisions.accessible} from ${divisions} where ${inDivision(divisions)})`,
      lastMirroredAt: sql<
        number | null
      >`(select max(${exactAccounts.mirroredAt}) from ${exactAccounts} where ${inDivision(exactAccounts)})`,
      lastDeletedAt: sql<
        number | null
      >`(select max(${exactAccounts.deletedAt}) from ${exactAccounts} where ${inDivision(exactAccounts)})`,
      syncStatus: sql<string | null>`${syncColumn(divisionSync.status)}`,
      syncStartedAt: sql<number | null>`${syncColumn(divisionSync.lastStartedAt)}`,
      syncCompletedAt: sql<
        number | null
      >`(select ${divisionSync.lastCompletedAt} from ${divisionSync} where ${inDivision(divisionSync)})`,
      syncLastFullAt: sql<
        number | null
      >`(select ${divisionSync.lastFullAt} from ${divisionSync} where ${inDivision(divisionSync)})`,
      similarNameMatch: sql<
        string | null
      >`(select ${divisionSettings.similarNameMatch} from ${divisionSettings} where ${divisionSettings.tenantId} = ${tenant} and ${divisionSettings.division} = ${division})`,
      lastCustomerChange: sql<
        number | null
      >`(select max(${zapfloorCustomers.updatedAt}) from ${zapfloorCustomers} where ${zapfloorCustomers.tenantId} = ${tenant})`,
      lastLinkEventId: sql<
        number | null
      >`(select max(${linkEvents.id}) from ${linkEvents} where ${inDivision(linkEvents)})`,
    })
    .from(sql`(select 1)`)
    .prepare();
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareProbe>>();

export async function probeDivision(db: Db, scope: Scope): Promise<DivisionProbe> {
  let probe = prepared.get(db);
  if (!probe) {
    probe = prepareProbe(db);
    prepared.set(db, probe);
  }
  const row = await probe.get({ tenantId: scope.tenantId, division: scope.division });
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    accessible: Boolean(row?.accessible),
    mirror: {
      lastMirroredAt: number(row?.lastMirroredAt),
      lastDeletedAt: number(row?.lastDeletedAt),
      syncStatus: row?.syncStatus ?? null,
      syncStartedAt: number(row?.syncStartedAt),
      syncCompletedAt: number(row?.syncCompletedAt),
    },
    sync: {
      lastFullAt: number(row?.syncLastFullAt),
      lastCompletedAt: number(row?.syncCompletedAt),
      status: row?.syncStatus ?? null,
    },
    similarNameMatch: row?.similarNameMatch ?? null,
    lastCustomerChange: number(row?.lastCustomerChange),
    lastLinkEventId: number(row?.lastLinkEventId) ?? 0,
  };
}
