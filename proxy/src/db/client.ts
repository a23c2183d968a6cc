import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { packageDir } from "../util/package-dir";
import { type KeptStatementReader, keptStatementReader } from "./kept-statements";
import * as schema from "./schema";
import { serializeWrites } from "./serialized-client";

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: verbs that may run inside a caller's transaction take this. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  client: Client;
  /** Where reads outside a transaction go, with their statements kept prepared (a local file only). */
  reader?: KeptStatementReader;
  close(): void;
}

const readers = new WeakMap<Db, KeptStatementReader>();

/**
 * The reader keeping `db`'s statements prepared, for a read outside a transaction that wants to skip the query
 * builder and the client (a one-row read made on every request); undefined unless `db` is a local file.
 */
export const keptReaderOf = (db: Db): KeptStatementReader | undefined => readers.get(db);

const migrationsFolder = join(packageDir(import.meta.url), "drizzle");

export function localFilePath(url: string): string | undefined {
  if (!url.startsWith("file:")) return undefined;
  return url.slice("file:".length);
}

const isInMemory = (url: string) => url === ":memory:" || url.startsWith("file::memory:");

/** The longest one statement may hold the event loop waiting for another process's lock on the file. */
const FILE_BUSY_TIMEOUT_MS = 50;

export function openDatabase(
  url: string,
  authToken?: string,
  options: { busyDeadlineMs?: number } = {},
): Database {
  const file = localFilePath(url);
  if (file && !isInMemory(url)) createPrivately(file);
  // A local file may be shared by several processes. SQLite's busy handler waits synchronously, holding the event
  // loop, so it only bridges a momentary lock; `serializeWrites` waits out a longer one asynchronously.
  const raw = createClient({
    url,
    timeout: file ? FILE_BUSY_TIMEOUT_MS : 5000,
    ...(authToken ? { authToken } : {}),
  });
  const reader =
    raw.protocol === "file" && file && !isInMemory(url) && !file.includes("?")
      ? keptStatementReader(file, { timeoutMs: FILE_BUSY_TIMEOUT_MS })
      : undefined;
  const client =
    raw.protocol === "file"
      ? serializeWrites(raw, {
          everything: isInMemory(url),
          ...(reader ? { reader } : {}),
          ...(options.busyDeadlineMs ? { busyDeadlineMs: options.busyDeadlineMs } : {}),
        })
      : raw;
  const db = drizzle(client, { schema });
  if (reader) readers.set(db, reader);
  return { db, client, ...(reader ? { reader } : {}), close: () => client.close() };
}

/**
 * A new database file (and folder) readable by this user only; SQLite gives its `-wal` and `-shm` files the
 * same mode. An existing file keeps the mode it has.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, "", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

export async function prepareDatabase(database: Database): Promise<void> {
  const { client } = database;
  // WAL lets readers and the one writer of a local file proceed together.
  if (client.protocol === "file") await client.execute("PRAGMA journal_mode = WAL");
  await migrateOnce(database.db);
}

/**
 * Replicas starting together may race to apply the same migration; the loser's attempt fails on a table
 * the winner just made. Reading the applied list again after a short wait then finds nothing left to do.
 */
async function migrateOnce(db: Db, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(db, { migrationsFolder });
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** How many of this build's migrations the database has not applied (drizzle records each one's `when`). */
export async function pendingMigrations(db: Db): Promise<number> {
  const rows = await db.all<{ latest: number | null }>(
    sql`SELECT max(created_at) AS latest FROM __drizzle_migrations`,
  );
  const latest = Number(rows[0]?.latest ?? 0);
  return readMigrationFiles({ migrationsFolder }).filter((migration) => migration.folderMillis > latest)
    .length;
}
