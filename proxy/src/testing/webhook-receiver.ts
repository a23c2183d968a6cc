import { createServer, type IncomingHttpHeaders } from "node:http";
import type { Socket } from "node:net";

export interface Received {
  headers: Record<string, string>;
  body: string;
  /** Parsed body. */
  event: {
    id: string;
    type: string;
    timestamp: string;
    division: number | null;
    data: Record<string, unknown>;
  };
  at: number;
}

/** What the receiver answers the n-th request (0-based): a status, or `hang` (never answer). */
export type Answer = (request: { n: number; body: string }) => number | "hang";

const flat = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)]));

/**
 * A real HTTP receiver on loopback, standing in for zapfloor's webhook endpoint: it records every request and
 * answers as told (a status, or not at all).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let answer: Answer = () => 200;
  let requests = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const status = answer({ n: requests++, body });
      if (status === "hang") return;
      if (status >= 200 && status < 300)
        received.push({ headers: flat(request.headers), body, event: JSON.parse(body), at: Date.now() });
      response.writeHead(status).end();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    /** Requests answered 2xx, in the order they came. */
    received,
    requests: () => requests,
    answerWith(next: Answer) {
      answer = next;
    },
    async waitFor(done: (received: Received[]) => boolean, timeoutMs = 15_000): Promise<Received[]> {
      const giveUpAt = Date.now() + timeoutMs;
      while (!done(received)) {
        if (Date.now() > giveUpAt)
          throw new Error(
            `the receiver did not get what was expected in ${timeoutMs} ms; it got: ${received.map((r) => r.event.type).join(", ")}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
