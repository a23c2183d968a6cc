import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Result } from "autocannon";
import type { LoadOrder } from "./load-client";

const client = fileURLToPath(new URL("./load-client.ts", import.meta.url));

/** Runs autocannon in a child process against `order.url` and resolves with its result. */
export function loadFrom(order: LoadOrder): Promise<Result> {
  const child = fork(client, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (result) => resolve(result as Result));
    child.once("exit", (code) => reject(new Error(`the load generator exited with ${code}`)));
    child.send(order);
  });
}
