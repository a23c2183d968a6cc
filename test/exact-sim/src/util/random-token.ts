import { randomBytes } from "node:crypto";

/**
 * URL-safe random characters for tokens and codes. Deliberately not seeded: a restarted simulator must never
 * hand out a token an earlier run issued.
 */
export function randomToken(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 1)
    .toString("base64url")
    .slice(0, length);
}
