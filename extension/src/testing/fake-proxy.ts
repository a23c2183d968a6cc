import { vi } from "vitest";

type Answer = [status: number, body: unknown];
/** Answers by "METHOD /path" (the query left out); the handler sees the request's URL and JSON body. */
export type FakeRoutes = Record<string, Answer | ((url: URL, body: unknown) => Answer)>;

/** A `fetch` that plays the proxy: each request is answered by its route, or 404 in the error envelope. */
export function fakeProxyFetch(routes: FakeRoutes) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const route = routes[`${method} ${url.pathname}`];
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const [status, json] =
      route === undefined
        ? [
            404,
            { error: { code: "not_found", message: `no route ${method} ${url.pathname}`, requestId: "r" } },
          ]
        : typeof route === "function"
          ? route(url, body)
          : route;
    return new Response(typeof json === "string" ? json : JSON.stringify(json), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  });
}

export const HEALTHY: Answer = [200, { ok: true, version: "0.1.0", db: "ok" }];
export const NOT_CONNECTED: Answer = [200, { connected: false, sandbox: true }];
export const errorBody = (code: string, message: string) => ({ error: { code, message, requestId: "r1" } });
