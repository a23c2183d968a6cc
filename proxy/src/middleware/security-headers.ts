/** A page of our own (the consent pages): its inline style only; nothing loads, nothing frames it. */
export const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";
/** Anything else (JSON, text): it is never a document, so it may load nothing and be framed by nobody. */
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries. A route serving HTML that needs more than `PAGE_POLICY` (the API reference at
 * `/docs`) sets its own Content-Security-Policy, which is kept.
 */
export function setSecurityHeaders(headers: Headers, options: { https: boolean }): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "no-referrer");
  const isHtml = (headers.get("Content-Type") ?? "").startsWith("text/html");
  if (!headers.has("Content-Security-Policy"))
    headers.set("Content-Security-Policy", isHtml ? PAGE_POLICY : DATA_POLICY);
  if (isHtml) headers.set("X-Frame-Options", "DENY");
  if (options.https) headers.set("Strict-Transport-Security", "max-age=31536000");
}
