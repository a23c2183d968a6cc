import { createApp } from "./app";
import { EnvError, parseEnv } from "./env";
import { createLogger } from "./logger";
import { openRuntime } from "./runtime";
import { type Sandbox, startSandbox } from "./sandbox";
import { listen } from "./server";
import { listenHost, startNotes } from "./start-notes";
import { version } from "./version";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const runtime = await openRuntime(env, logger);
  const sandbox: Sandbox | undefined = runtime.exactApp.sandbox ? await startSandbox(env) : undefined;
  const host = listenHost(env, runtime.exactApp);
  const server = await listen(createApp(runtime.deps), env.PORT, host);
  runtime.deps.jobs.start();
  logger.info("proxy listening", { url: server.url, host, version, sandbox: Boolean(sandbox) });
  if (sandbox) process.stdout.write(sandbox.banner(server.url));
  for (const note of startNotes(env, runtime.exactApp)) {
    logger.warn(note);
    process.stdout.write(`\n! ${note}\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await server.close();
    await runtime.close();
    await sandbox?.close();
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
