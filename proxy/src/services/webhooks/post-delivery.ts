import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { refusedAddress } from "./url-guard";

export interface PostResult {
  status: number | null;
  error: string | null;
  latencyMs: number;
}

/** Resolves like the system does, then refuses a private address: a host name may have been pointed elsewhere. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const refused = addresses.map((entry) => refusedAddress(entry.address)).find(Boolean);
    if (refused) return callback(new Error(`refused: ${refused}`), "", 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    return callback(null, first?.address ?? "", first?.family ?? 4);
  });
};

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 16, lookup: guardedLookup } as http.AgentOptions),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 16, lookup: guardedLookup } as https.AgentOptions),
};

/**
 * POSTs one signed delivery. Any 2xx within `timeoutMs` counts; redirects are not followed (a 3xx is a failure).
 * A hanging receiver costs this call its timeout and nothing else: the socket is destroyed when it runs out.
 */
export function postDelivery(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: latency() });
    };
    const target = new URL(url);
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(
      target,
      {
        method: "POST",
        agent: agents[target.protocol as "http:" | "https:"],
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "zapfloor-exact-link-webhooks",
        },
      },
      (response) => {
        // Only the status matters; the body is read (up to a point) so the connection can be reused.
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) response.destroy();
        });
        response.on("end", () => settle({ status: response.statusCode ?? null, error: null }));
        response.on("error", () => settle({ status: response.statusCode ?? null, error: null }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      settle({ status: null, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    request.on("error", (error) => settle({ status: null, error: error.message }));
    request.end(body);
  });
}

export const isDelivered = (result: PostResult) =>
  result.status !== null && result.status >= 200 && result.status < 300;
