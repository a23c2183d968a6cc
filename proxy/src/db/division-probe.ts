import type { InArgs } from "@libsql/client";
import { fillPlaceholders, sql } from "drizzle-orm";
import { type Db, keptReaderOf } from "./client";
import type { MirrorProbe } from "./mirror-reads";
import {
  customerVersions,
  divisionSettings,
  divisionSync,
  divisions,
  divisionVersions,
  exactAccounts,
  linkEvents,
  zapfloorCustomers,
} from "./schema";
import { storageErrorOf } from "./storage-error";

/**
 * Everything a request on a division needs to know before it may answer from memory: whether the tenant's
 * consent covers the division, and what versions the mirror, the tenant's customers and the division's links
 * are at (the probes of `mirror-index.ts`, `customer-index-cache.ts` and `link-cache.ts`).
 *
 * Reading all of it takes a statement of about ten index seeks. Every write to what it is read from counts in
 * the division's and the tenant's change versions, in the writing transaction, by triggers (`change-versions.ts`),
 * whichever process or replica writes. So the probe is read in full once, with those versions in the same
 * statement, and kept; later requests read only the two versions (primary-key seeks) and use the kept probe
 * while they have not moved: it is then what a full read would answer, not an older answer. Kept and shared by
 * the requests that follow, so read-only.
 */
export interface DivisionProbe {
  readonly accessible: boolean;
  readonly mirror: Readonly<MirrorProbe>;
  /** The sync row's columns the mirror's freshness is judged by. */
  readonly sync: Readonly<{
    lastFullAt: number | null;
    lastCompletedAt: number | null;
    status: string | null;
  }>;
  /** The division's `similarNameMatch` setting, when it has settings. */
  readonly similarNameMatch: string | null;
  readonly lastCustomerChange: number | null;
  readonly lastLinkEventId: number;
}

type Scope = { tenantId: string; division: number };

const tenant = sql.placeholder("tenantId");
const division = sql.placeholder("division");

function prepareVersions(db: Db) {
  return db.select(versionColumns()).from(sql`(select 1)`).prepare();
}

interface Versions {
  divisionVersion: number | null;
  customerVersion: number | null;
}

/**
 * The two versions, read on every request: on a local file straight from the kept statement (one step, no
 * result set), which costs a fraction of the same read through the query builder and the client.
 */
async function readVersions(db: Db, statements: Statements, args: Scope): Promise<Versions> {
  const reader = keptReaderOf(db);
  if (reader) {
    try {
      const { sql, params } = statements.versions.getQuery();
      const row = reader.first(sql, fillPlaceholders(params, args) as InArgs);
      if (row !== undefined) return { divisionVersion: number(row?.[0]), customerVersion: number(row?.[1]) };
    } catch (error) {
      // The file is busy: the client's read waits that out.
      if (storageErrorOf(error) !== "storage_busy") throw error;
    }
  }
  const row = await statements.versions.get(args);
  return { divisionVersion: number(row?.divisionVersion), customerVersion: number(row?.customerVersion) };
}

function versionColumns() {
  return {
    divisionVersion: sql<
      number | null
    >`(select ${divisionVersions.version} from ${divisionVersions} where ${divisionVersions.tenantId} = ${tenant} and ${divisionVersions.division} = ${division})`,
    customerVersion: sql<
      number | null
    >`(select ${customerVersions.version} from ${customerVersions} where ${customerVersions.tenantId} = ${tenant})`,
  };
}

function prepareProbe(db: Db) {
  const inDivision = (
    table: typeof exactAccounts | typeof divisionSync | typeof linkEvents | typeof divisions,
  ) => sql`${table.tenantId} = ${tenant} and ${table.division} = ${division}`;
  const syncColumn = (column: typeof divisionSync.status | typeof divisionSync.lastStartedAt) =>
    sql`(select ${column} from ${divisionSync} where ${inDivision(divisionSync)})`;
  return db
    .select({
      ...versionColumns(),
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

interface Statements {
  versions: ReturnType<typeof prepareVersions>;
  probe: ReturnType<typeof prepareProbe>;
  /** The probe last read per division, with the versions it was read at; the least recently used go first. */
  kept: Map<string, Kept>;
  /** Per division, the read that requests arriving in this turn of the event loop wait for; it has not started. */
  waiting: Map<string, Promise<DivisionProbe>>;
}
interface Kept extends Versions {
  probe: DivisionProbe;
}

/** Probes kept per database: one per division in use; past this, the least recently used is read again. */
const MAX_KEPT = 1_024;
const byDatabase = new WeakMap<Db, Statements>();

/**
 * The division's probe as of this request. Requests on one division that arrive in the same turn of the event
 * loop share one read, which starts after the last of them arrived (when the turn's I/O has been handled): it
 * sees every write committed before that start, so before any of them arrived, as a read of each one's own
 * would. A request arriving once the read has started waits for the next one.
 */
export function probeDivision(db: Db, scope: Scope): Promise<DivisionProbe> {
  const statements = statementsOf(db);
  const key = `${scope.tenantId}:${scope.division}`;
  const { waiting } = statements;
  let read = waiting.get(key);
  if (!read) {
    const args = { tenantId: scope.tenantId, division: scope.division };
    read = new Promise((resolve, reject) => {
      setImmediate(() => {
        waiting.delete(key);
        readProbe(db, statements, key, args).then(resolve, reject);
      });
    });
    waiting.set(key, read);
  }
  return read;
}

function statementsOf(db: Db): Statements {
  let statements = byDatabase.get(db);
  if (!statements) {
    statements = {
      versions: prepareVersions(db),
      probe: prepareProbe(db),
      kept: new Map(),
      waiting: new Map(),
    };
    byDatabase.set(db, statements);
  }
  return statements;
}

async function readProbe(db: Db, statements: Statements, key: string, args: Scope): Promise<DivisionProbe> {
  const { kept } = statements;
  const known = kept.get(key);
  if (known) {
    const versions = await readVersions(db, statements, args);
    if (
      versions.divisionVersion === known.divisionVersion &&
      versions.customerVersion === known.customerVersion
    ) {
      kept.delete(key);
      kept.set(key, known);
      return known.probe;
    }
  }
  const row = await statements.probe.get(args);
  const probe = probeOf(row);
  kept.delete(key);
  kept.set(key, {
    divisionVersion: number(row?.divisionVersion),
    customerVersion: number(row?.customerVersion),
    probe,
  });
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(oldest);
  }
  return probe;
}

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function probeOf(row: Awaited<ReturnType<Statements["probe"]["get"]>>): DivisionProbe {
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
