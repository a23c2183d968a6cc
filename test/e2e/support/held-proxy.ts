import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * A door in front of the real proxy: it passes every request through until `hold()`, then keeps the ones that
 * come after unanswered, as a proxy that has become slow would. `close()` drops them.
 */
export async function heldProxy(
  proxyUrl: string,
): Promise<{ url: string; hold(): void; close(): Promise<void> }> {
  let holding = false;
  const held: ServerResponse[] = [];
  const pass = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => name !== "host" && name !== "connection"),
    ) as Record<string, string>;
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const answer = await fetch(new URL(request.url ?? "/", proxyUrl), {
      method: request.method ?? "GET",
      headers,
      ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    // fetch has undone any compression: the length and encoding are those of what it read.
    answer.headers.forEach((value, name) => {
      if (name !== "content-encoding" && name !== "content-length") response.setHeader(name, value);
    });
    response.writeHead(answer.status);
    response.end(body);
  };
  const server = createServer((request, response) => {
    if (holding) held.push(response);
    else void pass(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the door has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    hold: () => {
      holding = true;
    },
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
