import { randomBytes } from "node:crypto";
import { createApp } from "../app";
import type { AppDeps } from "../context";
import { openDatabase, prepareDatabase } from "../db/client";
import { createExactRuntime, type ExactRuntimeOptions } from "../exact/runtime";
import type { ExactAppConfig } from "../exact-app";
import { createBackgroundJobs } from "../jobs/background-jobs";
import { silentLogger } from "../logger";
import { createManualClock } from "./manual-clock";

export const testExactApp: ExactAppConfig = {
  clientId: "test-client",
  clientSecret: "test-secret",
  redirectUri: "http://proxy.test/exact/callback",
  webhookSecret: "test-webhook-secret",
  // Nothing listens here: a test that reaches Exact by accident fails loudly instead of passing.
  baseUrl: "http://127.0.0.1:9",
  sandbox: false,
};

export interface TestAppOptions extends Partial<Omit<AppDeps, "exact" | "jobs">> {
  exact?: Partial<Omit<ExactRuntimeOptions, "db" | "clock" | "logger">>;
  /** Default `:memory:`; a `file:` URL lets several runtimes (or processes) share one database. */
  databaseUrl?: string;
  /** How long a write waits out another process's lock on a `file:` database. */
  busyDeadlineMs?: number;
}

/** A fresh in-memory database, migrated by the real migrations, and the app built on it. */
export async function createTestApp(options: TestAppOptions = {}) {
  const { databaseUrl = ":memory:", exact: exactOptions, busyDeadlineMs, ...overrides } = options;
  const database = openDatabase(databaseUrl, undefined, busyDeadlineMs ? { busyDeadlineMs } : {});
  await prepareDatabase(database);
  const clock = options.clock ?? createManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
  const logger = options.logger ?? silentLogger;
  const exact = createExactRuntime({
    db: database.db,
    clock,
    logger,
    app: testExactApp,
    secretKey: randomBytes(32),
    ...exactOptions,
  });
  const publicUrl = overrides.publicUrl ?? "http://proxy.test";
  const jobs = createBackgroundJobs(
    { db: database.db, clock, logger, exact, publicUrl },
    { syncIntervalMs: 60_000 },
  );
  const deps: AppDeps = {
    db: database.db,
    clock,
    logger,
    version: "test",
    publicUrl,
    jobs,
    ...overrides,
    exact,
  };
  return { app: createApp(deps), deps, database };
}
