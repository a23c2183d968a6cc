import { hc } from "hono/client";
import type { AppType } from "./app";

export interface ProxyClientOptions {
  /** E.g. the extension's background fetch, or `app.request` in tests. */
  fetch?: typeof fetch;
}

/**
 * A typed client of the proxy API, built from the app's own route types (Hono RPC): paths, parameters,
 * bodies and answers are checked by the compiler. Usage:
 * `await createProxyClient(url, token).v1.divisions[":division"].accounts[":exactId"].$get({ param: { division: "123", exactId } })`.
 */
export function createProxyClient(baseUrl: string, token: string, options: ProxyClientOptions = {}) {
  return hc<AppType>(baseUrl, {
    headers: { authorization: `Bearer ${token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type ProxyClient = ReturnType<typeof createProxyClient>;
