import { systemClock } from "@zapfloor-exact/shared/clock";
import { type Database, openDatabase, prepareDatabase } from "../db/client";
import { type Env, parseEnv } from "../env";
import { createLogger, type Logger } from "../logger";
import type { ServiceContext } from "../services/context";

/** What a CLI command works with: the same configuration and database as the proxy. */
export interface CliRuntime extends ServiceContext {
  env: Env;
  database: Database;
  logger: Logger;
  out(line: string): void;
}

export async function openCliRuntime(): Promise<CliRuntime> {
  const env = parseEnv(process.env);
  // Logs go to stderr so that stdout stays clean for --json output.
  const logger = createLogger(env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL, (line) =>
    process.stderr.write(`${line}\n`),
  );
  const database = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await prepareDatabase(database);
  return {
    env,
    database,
    db: database.db,
    clock: systemClock,
    logger,
    out: (line) => process.stdout.write(`${line}\n`),
  };
}

export class UsageError extends Error {
  override name = "UsageError";
}
