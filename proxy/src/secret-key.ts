import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { localFilePath } from "./db/client";
import { EnvError } from "./env";
import type { Logger } from "./logger";

const KEY_BYTES = 32;

/**
 * The key that encrypts Exact tokens at rest. Without `SECRET_KEY`, a key is generated once beside an embedded
 * database file; a shared database server needs one key for every replica, so there it must be configured.
 */
export function resolveSecretKey(
  configured: string | undefined,
  databaseUrl: string,
  logger: Logger,
): Buffer {
  if (configured) return decodeKey(configured, "SECRET_KEY");
  const dbFile = localFilePath(databaseUrl);
  if (!dbFile || dbFile === ":memory:") {
    throw new EnvError("Invalid configuration — SECRET_KEY: is required with a shared or in-memory database");
  }
  const keyFile = join(dirname(resolve(dbFile)), "secret.key");
  if (!existsSync(keyFile)) createKeyFile(keyFile, logger);
  return decodeKey(readFileSync(keyFile, "utf8").trim(), keyFile);
}

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

function decodeKey(encoded: string, source: string): Buffer {
  const key = Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length < KEY_BYTES)
    throw new EnvError(`Invalid configuration — ${source}: must decode to 32 bytes`);
  return key.subarray(0, KEY_BYTES);
}
