import { hash, randomBytes } from "node:crypto";

const PREFIX = "zfx_";

/** 256 random bits; high entropy makes a plain SHA-256 a sufficient hash for storage. */
export function generateApiToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return hash("sha256", token, "hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && /^[A-Za-z0-9_-]{40,60}$/.test(value.slice(PREFIX.length));
}
