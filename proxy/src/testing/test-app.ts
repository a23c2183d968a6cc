import { createApp } from "../app";
import type { AppDeps } from "../context";
import { openDatabase, prepareDatabase } from "../db/client";
import { silentLogger } from "../logger";
import { createManualClock } from "./manual-clock";

/** A fresh in-memory database, migrated by the real migrations, and the app built on it. */
export async function createTestApp(overrides: Partial<AppDeps> = {}) {
  const database = openDatabase(":memory:");
  await prepareDatabase(database);
  const deps: AppDeps = {
    db: database.db,
    clock: createManualClock(Date.UTC(2026, 10, 25, 9, 0, 0)),
    logger: silentLogger,
    version: "test",
    ...overrides,
  };
  return { app: createApp(deps), deps, database };
}
