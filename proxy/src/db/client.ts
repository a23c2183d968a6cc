import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { packageDir } from "../util/package-dir";
import * as schema from "./schema";
import { serializeWrites } from "./serialized-client";

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: verbs that may run inside a caller's transaction take this. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  client: Client;
  close(): void;
}

const migrationsFolder = join(packageDir(import.meta.url), "drizzle");

export function localFilePath(url: string): string | undefined {
  if (!url.startsWith("file:")) return undefined;
  return url.slice("file:".length);
}

const isInMemory = (url: string) => url === ":memory:" || url.startsWith("file::memory:");

export function openDatabase(url: string, authToken?: string): Database {
  const file = localFilePath(url);
  if (file) mkdirSync(dirname(file), { recursive: true });
  // A local file may be shared by several processes: a busy timeout turns a momentary lock into a short wait.
  const raw = createClient({ url, timeout: 5000, ...(authToken ? { authToken } : {}) });
  const client = raw.protocol === "file" ? serializeWrites(raw, { everything: isInMemory(url) }) : raw;
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.close() };
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
