import { createHmac, timingSafeEqual } from "node:crypto";

const CONTENT_START = '{"Content":';
const CONTENT_END = ',"HashCode":"';

/**
 * Exact signs the raw bytes of the `Content` object as sent — the text between `{"Content":` and
 * `,"HashCode":` — with HMAC-SHA256, in upper-case hex. Re-serialising parsed JSON would not reproduce it.
 * [exact-online-api.md §7, S3, I-hookdeck-152]
 */
export function verifyWebhookSignature(rawBody: string, secret: string): boolean {
  const start = rawBody.indexOf(CONTENT_START);
  const end = rawBody.lastIndexOf(CONTENT_END);
  if (start !== 0 || end < start) return false;
  const content = rawBody.slice(CONTENT_START.length, end);
  const given = /^"([0-9A-Fa-f]{64})"\}\s*$/.exec(rawBody.slice(end + CONTENT_END.length - 1))?.[1];
  if (!given) return false;
  const expected = createHmac("sha256", secret).update(content, "utf8").digest("hex").toUpperCase();
  return timingSafeEqual(Buffer.from(expected, "utf8"), Buffer.from(given, "utf8"));
}
