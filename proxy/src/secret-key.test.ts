import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError } from "./env";
import { silentLogger } from "./logger";
import { decodeKey, resolveSecretKey } from "./secret-key";
import { TEST_SECRET_KEY } from "./testing/secret-keys";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("SECRET_KEY", () => {
  it("takes 32 random bytes, base64 encoded", () => {
    expect(decodeKey(TEST_SECRET_KEY, "SECRET_KEY")).toHaveLength(32);
  });

  it.each([
    ["all zero", Buffer.alloc(32).toString("base64")],
    ["one repeated byte", Buffer.alloc(32, 7).toString("base64")],
    ["a short pattern", Buffer.from("abcd".repeat(8)).toString("base64")],
  ])("refuses a key that is not random: %s", (_, key) => {
    expect(() => decodeKey(key, "SECRET_KEY")).toThrow(/SECRET_KEY: is not a random key/);
  });

  it("refuses a key of another length instead of cutting it to size", () => {
    const longer = Buffer.concat([Buffer.from(TEST_SECRET_KEY, "base64"), Buffer.from("more")]).toString(
      "base64",
    );
    expect(() => decodeKey(longer, "SECRET_KEY")).toThrow(/must be 32 bytes.*it is 36/);
    expect(() =>
      decodeKey(Buffer.from(TEST_SECRET_KEY, "base64").subarray(0, 24).toString("base64"), "SECRET_KEY"),
    ).toThrow(EnvError);
  });

  it("is not generated for a database that already holds encrypted tokens", () => {
    dir = mkdtempSync(join(tmpdir(), "zfx-key-"));
    const url = `file:${join(dir, "proxy.db")}`;
    expect(() => resolveSecretKey(undefined, url, silentLogger, { holdsSecrets: true })).toThrow(
      /SECRET_KEY: is not set .* the database holds encrypted Exact tokens/,
    );
    expect(resolveSecretKey(undefined, url, silentLogger, { holdsSecrets: false })).toHaveLength(32);
  });
});
