import { type Clock, systemClock } from "@zapfloor-exact/shared/clock";
import type { AppDeps } from "./context";
import { type Database, openDatabase, prepareDatabase } from "./db/client";
import type { Env } from "./env";
import { createExactRuntime } from "./exact/runtime";
import { configuredExactApp, type ExactAppConfig, publicUrlOf } from "./exact-app";
import { createBackgroundJobs } from "./jobs/background-jobs";
import { salesEntryJobOptions } from "./jobs/outbox-worker";
import { webhookJobOptions } from "./jobs/webhook-worker";
import type { Logger } from "./logger";
import { sandboxExactApp } from "./sandbox";
import { resolveSecretKey } from "./secret-key";
import { setIndexMemoryBudget } from "./services/matching/index-memory";
import { matchOrCreateForPush } from "./services/matching/link-customer-for-push";
import { version } from "./version";

export interface Runtime {
  deps: AppDeps;
  database: Database;
  exactApp: ExactAppConfig;
  close(): Promise<void>;
}

/** The proxy's parts, from the parsed environment: shared by the server and the CLI. */
export async function openRuntime(env: Env, logger: Logger, clock: Clock = systemClock): Promise<Runtime> {
  const database = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await prepareDatabase(database);
  setIndexMemoryBudget(database.db, env.INDEX_MEMORY_MB);
  const secretKey = resolveSecretKey(env.SECRET_KEY, env.DATABASE_URL, logger);
  const exactApp = configuredExactApp(env) ?? sandboxExactApp(env);
  const exact = createExactRuntime({ db: database.db, clock, logger, app: exactApp, secretKey });
  const context = { db: database.db, clock, logger, exact, publicUrl: publicUrlOf(env) };
  const jobs = createBackgroundJobs(context, {
    syncIntervalMs: env.SYNC_INTERVAL_MINUTES * 60_000,
    ...salesEntryJobOptions(env, matchOrCreateForPush),
    webhooks: webhookJobOptions(env),
  });
  const deps: AppDeps = {
    ...context,
    version,
    jobs,
    apiRateLimit: { perMinute: env.API_RATE_LIMIT_PER_MINUTE },
  };
  return {
    deps,
    database,
    exactApp,
    async close() {
      await jobs.stop();
      database.close();
    },
  };
}
