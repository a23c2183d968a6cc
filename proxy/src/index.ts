import { systemClock } from "@zapfloor-exact/shared/clock";
import { createApp } from "./app";
import { openDatabase, prepareDatabase } from "./db/client";
import { EnvError, parseEnv } from "./env";
import { configuredExactApp } from "./exact-app";
import { createLogger } from "./logger";
import { startSandbox } from "./sandbox";
import { resolveSecretKey } from "./secret-key";
import { listen } from "./server";
import { version } from "./version";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const database = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await prepareDatabase(database);
  resolveSecretKey(env.SECRET_KEY, env.DATABASE_URL, logger);

  const sandbox = configuredExactApp(env) ? undefined : await startSandbox(env);
  const app = createApp({ db: database.db, clock: systemClock, logger, version });
  const server = await listen(app, env.PORT, env.HOST);
  logger.info("proxy listening", { url: server.url, version, sandbox: Boolean(sandbox) });
  if (sandbox) process.stdout.write(sandbox.banner(server.url));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await server.close();
    await sandbox?.close();
    database.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  // One line, no stack, for configuration problems; the full error otherwise.
  if (error instanceof EnvError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});
