import { errorEnvelope } from "./exact-error";

/** Exact answers `application/json;charset=utf-8` (recorded response headers, S11). */
export const JSON_CONTENT_TYPE = "application/json;charset=utf-8";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": JSON_CONTENT_TYPE, ...headers },
  });
}

export function errorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(errorEnvelope(message), status, headers);
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}

/** What a load balancer in front of Exact answers for 502/503; 500 uses the error envelope. */
export function transientFailure(status: 500 | 502 | 503): Response {
  if (status === 500) return errorResponse(500, "Er is een onverwachte fout opgetreden.");
  const title = status === 502 ? "Bad Gateway" : "Service Unavailable";
  return new Response(
    `<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1></body></html>`,
    {
      status,
      headers: { "Content-Type": "text/html" },
    },
  );
}

export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}
