import { type Clock, systemClock } from "@zapfloor-exact/shared/clock";
import type { AppDeps } from "./context";
import { type Database, openDatabase, prepareDatabase } from "./db/client";
import { type Env, EnvError } from "./env";
import { createExactRuntime } from "./exact/runtime";
import { configuredExactApp, type ExactAppConfig, publicUrlOf } from "./exact-app";
import { createBackgroundJobs } from "./jobs/background-jobs";
import { salesEntryJobOptions } from "./jobs/outbox-worker";
import { webhookJobOptions } from "./jobs/webhook-worker";
import type { Logger } from "./logger";
import { sandboxExactApp } from "./sandbox";
import { previousKeys, resolveSecretKey } from "./secret-key";
import type { TokenCipher } from "./security/token-cipher";
import { setIndexMemoryBudget } from "./services/matching/index-memory";
import { matchOrCreateForPush } from "./services/matching/link-customer-for-push";
import { checkSecretKey } from "./services/secret-key/check-secret-key";
import { sealedValues } from "./services/secret-key/sealed-values";
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
  const holdsSecrets = (await sealedValues(database.db, { limit: 1 })).length > 0;
  const secretKey = resolveSecretKey(env.SECRET_KEY, env.DATABASE_URL, logger, { holdsSecrets });
  const exactApp = configuredExactApp(env) ?? sandboxExactApp(env);
  const exact = createExactRuntime({
    db: database.db,
    clock,
    logger,
    app: exactApp,
    secretKey,
    previousKeys: previousKeys(env.SECRET_KEY_PREVIOUS),
  });
  const context = { db: database.db, clock, logger, exact, publicUrl: publicUrlOf(env) };
  await refuseUnreadableSecrets(context, database);
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

/** A wrong key would start a proxy whose every Exact call fails: stop at start-up instead, with one line. */
async function refuseUnreadableSecrets(
  context: { db: Database["db"]; clock: Clock; logger: Logger; exact: { cipher: TokenCipher } },
  database: Database,
): Promise<void> {
  const check = await checkSecretKey(context, context.exact.cipher);
  if (check.unreadable === 0) return;
  database.close();
  const sealedWith = check.unknownKeyIds.length ? ` (sealed with key ${check.unknownKeyIds.join(", ")})` : "";
  throw new EnvError(
    `Invalid configuration — SECRET_KEY: does not open ${check.unreadable} of the ${check.stored} encrypted ` +
      `values in the database${sealedWith}; this key is ${context.exact.cipher.keyId}. Start with the key they ` +
      "were encrypted with, or set SECRET_KEY_PREVIOUS to it during a rotation",
  );
}
