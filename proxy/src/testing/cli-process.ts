import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const cliEntry = fileURLToPath(new URL("../cli/index.ts", import.meta.url));

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs the operator CLI (`src/cli/index.ts` under tsx) as its own process with `env` added to this one's.
 * Asynchronous, since what it talks to (a simulator, a receiver) may run in this process.
 */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", cliEntry, ...args], {
      env: { ...process.env, ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}
