// The load generator, in a process of its own so that it does not share the server's event loop (on a
// separate machine in reality): started by `loadFrom`, it runs autocannon with the options it receives and
// sends back the result. Paths cycle through the given list.
import autocannon from "autocannon";

export interface LoadOrder {
  url: string;
  method: string;
  paths: string[];
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
}

process.once("message", async (order: LoadOrder) => {
  let next = 0;
  const result = await autocannon({
    url: order.url,
    connections: order.connections,
    duration: order.seconds,
    requests: [
      {
        method: order.method,
        headers: order.headers,
        ...(order.body ? { body: order.body } : {}),
        setupRequest: (request) => ({ ...request, path: order.paths[next++ % order.paths.length]! }),
      },
    ],
  });
  process.send?.(result, () => process.exit(0));
});
