import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

const KB = 1024;

/** A body limit per route family, first match wins; sized a little above the largest valid request. */
const LIMITS: { path: RegExp; maxBytes: number }[] = [
  // Exact's deliveries are a few hundred bytes; the endpoint is unauthenticated until the body is verified.
  { path: /^\/webhooks\//, maxBytes: 8 * KB },
  // 500 lines of 255-character descriptions, every character escaped, fit.
  { path: /^\/v1\/divisions\/[^/]+\/sales-entries(\/|$)/, maxBytes: 1024 * KB },
  // Up to 500 accounts accepted at once.
  { path: /^\/v1\/divisions\/[^/]+\/accounts\/accept-suggestions$/, maxBytes: 128 * KB },
  { path: /^\/v1\/customers\//, maxBytes: 16 * KB },
  { path: /^\/v1\/divisions\/[^/]+\/settings$/, maxBytes: 16 * KB },
];
export const DEFAULT_MAX_BODY_BYTES = 32 * KB;

export const maxBodyBytesFor = (path: string) =>
  LIMITS.find((limit) => limit.path.test(path))?.maxBytes ?? DEFAULT_MAX_BODY_BYTES;

const limiters = new Map(
  [...new Set([...LIMITS.map((limit) => limit.maxBytes), DEFAULT_MAX_BODY_BYTES])].map((maxBytes) => [
    maxBytes,
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) => {
        // Closing the connection stops the upload: nothing more of the body is read.
        c.header("Connection", "close");
        const kb = String(maxBytes / KB);
        throw new AppError(
          "too_large",
          `The request body is larger than ${kb} KB.`,
          { maxBytes },
          { said: { reason: "body_too_large", params: { kb } } },
        );
      },
    }),
  ]),
);

/**
 * Refuses a body over its route's limit while it is being read: a declared `Content-Length` over it is
 * refused before reading anything, a chunked body as soon as it passes the limit.
 */
export const bodyLimits = createMiddleware<AppEnv>(async (c, next) => {
  // Decided from the method and headers alone where they suffice, as `bodyLimit` would decide: asking the
  // request for its body (as `bodyLimit` does first) turns the server's lightweight request into a full one
  // with a body stream, which costs more than most requests' own work.
  const method = c.req.method;
  if (method === "GET" || method === "HEAD") return next();
  const maxBytes = maxBodyBytesFor(c.req.path);
  const length = c.req.header("content-length");
  if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
    if (Number.parseInt(length, 10) <= maxBytes) return next();
  }
  const limiter = limiters.get(maxBytes);
  if (!limiter) return next();
  return limiter(c, next);
});
