import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { localFilePath } from "./db/client";
import { EnvError } from "./env";
import type { Logger } from "./logger";
import { KEY_BYTES } from "./security/token-cipher";

/** Fewer distinct bytes than this in 32 is no random key (a random one has about 30): `0000…`, `abab…`. */
const MIN_DISTINCT_BYTES = 16;

/**
 * The key that encrypts Exact tokens at rest. Without `SECRET_KEY`, a key is generated once beside an embedded
 * database file; a shared database server needs one key for every replica, so there it must be configured.
 * A key is never generated for a database that already holds encrypted values: they would not open.
 */
export function resolveSecretKey(
  configured: string | undefined,
  databaseUrl: string,
  logger: Logger,
  { holdsSecrets = false } = {},
): Buffer {
  if (configured) return decodeKey(configured, "SECRET_KEY");
  const dbFile = localFilePath(databaseUrl);
  if (!dbFile || dbFile === ":memory:") {
    throw new EnvError("Invalid configuration — SECRET_KEY: is required with a shared or in-memory database");
  }
  const keyFile = join(dirname(resolve(dbFile)), "secret.key");
  if (!existsSync(keyFile)) {
    if (holdsSecrets) {
      throw new EnvError(
        `Invalid configuration — SECRET_KEY: is not set and ${keyFile} does not exist, but the database holds ` +
          "encrypted Exact tokens: set SECRET_KEY to the key they were encrypted with",
      );
    }
    createKeyFile(keyFile, logger);
  }
  return decodeKey(readFileSync(keyFile, "utf8").trim(), keyFile);
}

/** `SECRET_KEY_PREVIOUS`: the key being rotated away from, which still opens what it sealed. */
export const previousKeys = (configured: string | undefined): Buffer[] =>
  configured ? [decodeKey(configured, "SECRET_KEY_PREVIOUS")] : [];

function createKeyFile(keyFile: string, logger: Logger): void {
  mkdirSync(dirname(keyFile), { recursive: true });
  try {
    writeFileSync(keyFile, randomBytes(KEY_BYTES).toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process starting at the same moment wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  logger.warn("SECRET_KEY is not set: generated one; back it up, or Exact connections must be made again", {
    keyFile,
  });
}

export function decodeKey(encoded: string, source: string): Buffer {
  const key = Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== KEY_BYTES) {
    throw new EnvError(
      `Invalid configuration — ${source}: must be 32 bytes, base64 encoded (it is ${key.length}); make one with \`openssl rand -base64 32\``,
    );
  }
  if (new Set(key).size < MIN_DISTINCT_BYTES) {
    throw new EnvError(
      `Invalid configuration — ${source}: is not a random key (all zero or repeating bytes); make one with \`openssl rand -base64 32\``,
    );
  }
  return key;
}
