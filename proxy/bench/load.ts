import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Result } from "autocannon";
import type { LoadOrder } from "./load-client";

const client = fileURLToPath(new URL("./load-client.ts", import.meta.url));

/** The lookup benchmarks' load: this many connections, each sending its next request as soon as the last is answered. */
export const LOOKUP_CONNECTIONS = 16;
/** Seconds of load per measured row. */
export const LOOKUP_SECONDS = Number(process.env.BENCH_LOOKUP_SECONDS ?? 10);

/**
 * Runs autocannon in a child process against `order.url` and resolves with its result; by default with the
 * lookup benchmarks' connections and duration.
 */
export function loadFrom(
  order: Omit<LoadOrder, "connections" | "seconds"> & Partial<LoadOrder>,
): Promise<Result> {
  const child = fork(client, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (result) => resolve(result as Result));
    child.once("exit", (code) => reject(new Error(`the load generator exited with ${code}`)));
    child.send({ connections: LOOKUP_CONNECTIONS, seconds: LOOKUP_SECONDS, ...order });
  });
}
