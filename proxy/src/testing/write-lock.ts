import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const proxyRoot = fileURLToPath(new URL("../..", import.meta.url));
const child = fileURLToPath(new URL("./write-lock-child.ts", import.meta.url));

/**
 * Another process takes the database file's write lock for `holdMs`. Resolves once it holds it; `released`
 * resolves (with the time) when it has committed.
 */
export async function holdWriteLock(databaseUrl: string, holdMs: number) {
  const holder = spawn(process.execPath, ["--import", "tsx", child], {
    cwd: proxyRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOLD_MS: String(holdMs) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let onReleased: (at: number) => void = () => {};
  const released = new Promise<number>((resolve) => {
    onReleased = resolve;
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      if (output.includes("locked")) resolve();
      if (output.includes("released")) onReleased(performance.now());
    });
    holder.once("exit", (code) => reject(new Error(`the lock holder exited with ${code} before locking`)));
  });
  return {
    released,
    stop: () => {
      if (holder.exitCode === null) holder.kill();
    },
  };
}
