import type { Context } from "hono";

/**
 * Thrown to make an in-process `app.request()` reject the way `fetch` rejects when the server hangs up; the
 * app's error handler rethrows it.
 */
export class DroppedConnectionError extends TypeError {
  constructor() {
    super("fetch failed", {
      cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
    });
    this.name = "DroppedConnectionError";
  }
}

interface NodeBindings {
  incoming?: { socket?: { destroy(): void } };
}

/** Hangs up without answering: destroys the Node socket when served, rejects the request in process. */
export function dropConnection(c: Context): Response {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket;
  if (!socket) throw new DroppedConnectionError();
  socket.destroy();
  return new Response(null, { status: 499 });
}
