import type { AppDeps } from "../context";
import { type Env, parseEnv } from "../env";
import { createLogger } from "../logger";
import { openRuntime } from "../runtime";

/** What a CLI command works with: the same configuration, database and Exact runtime as the proxy. */
export interface CliRuntime extends AppDeps {
  env: Env;
  out(line: string): void;
  /** Progress and notes for a person: stderr, so that stdout stays clean for --json output. */
  note(line: string): void;
  close(): Promise<void>;
}

export async function openCliRuntime(): Promise<CliRuntime> {
  const env = parseEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL, (line) =>
    process.stderr.write(`${line}\n`),
  );
  const runtime = await openRuntime(env, logger);
  return {
    ...runtime.deps,
    env,
    out: (line) => process.stdout.write(`${line}\n`),
    note: (line) => process.stderr.write(`${line}\n`),
    close: () => runtime.close(),
  };
}

export class UsageError extends Error {
  override name = "UsageError";
}
