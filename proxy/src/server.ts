import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { App } from "./app";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function listen(app: App, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive sockets would otherwise hold shutdown open.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
