import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths";

export interface ProxyProcessOptions {
  port: number;
  simPort: number;
  /** Holds the database and the log. */
  dataDir: string;
  /** Extra environment for the proxy, applied last. */
  env?: Record<string, string>;
}

export interface RunningProxy {
  proxyUrl: string;
  simUrl: string;
  databaseUrl: string;
  /** The key the proxy encrypts Exact tokens with; a CLI run against the same database needs it too. */
  secretKey: string;
  logFile: string;
  stop(): Promise<void>;
}

const STARTUP_DEADLINE_MS = 90_000;
const STOP_GRACE_MS = 10_000;

/**
 * Builds the proxy and starts it as production runs it (`node dist/index.js`), in sandbox mode: with no Exact
 * app configured it also starts the Exact simulator. Resolves once `/health` answers ok.
 */
export async function startProxy({
  port,
  simPort,
  dataDir,
  env: extraEnv,
}: ProxyProcessOptions): Promise<RunningProxy> {
  const proxyUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${path.join(dataDir, "e2e.db")}`;
  const logFile = path.join(dataDir, "proxy.log");
  const secretKey = randomBytes(32).toString("base64");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SIM_PORT: String(simPort),
    DATABASE_URL: databaseUrl,
    SECRET_KEY: secretKey,
    LOG_LEVEL: "info",
    // Every spec's tenant works in the same simulated division, and Exact's limit is per app and division:
    // at 60 calls a minute the suite would queue behind its own earlier specs. Keeping to the limit is
    // proven at Exact's 60 by the proxy's own tests.
    SIM_MINUTELY_LIMIT: "1000",
  };
  for (const name of [
    "EXACT_CLIENT_ID",
    "EXACT_CLIENT_SECRET",
    "EXACT_REDIRECT_URI",
    "EXACT_BASE_URL",
    "PUBLIC_URL",
  ]) {
    delete env[name];
  }
  Object.assign(env, extraEnv);

  // On stderr: the benchmarks keep stdout for their report.
  execFileSync("pnpm", ["--silent", "--filter", "@zapfloor-exact/proxy", "build"], {
    cwd: repoRoot,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  const log = openSync(logFile, "a");
  // Its own process group, so that stopping it stops everything it started.
  const child = spawn(process.execPath, ["dist/index.js"], {
    cwd: path.join(repoRoot, "proxy"),
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnRunnerExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnRunnerExit);

  const stop = async () => {
    process.off("exit", killOnRunnerExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHealth(proxyUrl, exited);
  } catch (error) {
    await stop();
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`${(error as Error).message}\n--- proxy log (${logFile}) ---\n${tail}`);
  }
  return { proxyUrl, simUrl: `http://127.0.0.1:${simPort}`, databaseUrl, secretKey, logFile, stop };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitForHealth(proxyUrl: string, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`The proxy exited with code ${exitCode} before it was healthy.`);
    try {
      const response = await fetch(`${proxyUrl}/health`, { signal: AbortSignal.timeout(2000) });
      const body = (await response.json()) as { ok?: boolean };
      if (response.ok && body.ok === true) return;
      lastProblem = `HTTP ${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The proxy at ${proxyUrl} was not healthy within ${STARTUP_DEADLINE_MS / 1000} s (${lastProblem}).`,
  );
}
