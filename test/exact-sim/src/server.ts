import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ExactSimulatorOptions } from "./options";
import { createExactSimulator, type ExactSimulator } from "./simulator";

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:8788` */
  url: string;
  sim: ExactSimulator;
  close(): Promise<void>;
}

/** Serves a new simulator over HTTP (port 0 = a free port). */
export async function startExactSimulator(
  options: ExactSimulatorOptions & { port?: number; hostname?: string } = {},
): Promise<RunningSimulator> {
  const { port = 0, hostname = "127.0.0.1", ...simOptions } = options;
  const sim = createExactSimulator(simOptions);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: sim.app.fetch, port, hostname }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;
  return {
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
