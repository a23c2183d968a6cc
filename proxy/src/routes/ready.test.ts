import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decodeKey } from "../secret-key";
import { jsonOf } from "../testing/http";
import { OTHER_SECRET_KEY, TEST_SECRET_KEY } from "../testing/secret-keys";
import { tenantWithStoredTokens } from "../testing/stored-connection";
import { createTestApp } from "../testing/test-app";
import { holdWriteLock } from "../testing/write-lock";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDatabaseUrl() {
  const dir = mkdtempSync(join(tmpdir(), "zfx-ready-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return `file:${join(dir, "proxy.db")}`;
}

interface ReadyBody {
  ready: boolean;
  reason?: string;
  checks: { database: string; migrations: string; secretKey: string };
}

async function appOn(databaseUrl: string, key: string, options: { busyDeadlineMs?: number } = {}) {
  const test = await createTestApp({ databaseUrl, exact: { secretKey: decodeKey(key, "test") }, ...options });
  cleanups.push(() => test.database.close());
  return test;
}

describe("GET /ready", () => {
  it("is ready when the database takes a write, every migration is applied and the key opens a stored token", async () => {
    const url = tempDatabaseUrl();
    const { app, deps } = await appOn(url, TEST_SECRET_KEY);
    const empty = await app.request("/ready");
    expect(empty.status).toBe(200);
    expect(await jsonOf<ReadyBody>(empty)).toMatchObject({
      ready: true,
      checks: { database: "ok", migrations: "ok", secretKey: "no_tokens" },
    });
    await tenantWithStoredTokens(deps);
    const withTokens = await jsonOf<ReadyBody>(await app.request("/ready"));
    expect(withTokens.checks.secretKey).toBe("ok");
  });

  it("answers 503 secret_key_wrong on a replica whose key does not open the stored tokens", async () => {
    const url = tempDatabaseUrl();
    const first = await appOn(url, TEST_SECRET_KEY);
    await tenantWithStoredTokens(first.deps);
    const { app } = await appOn(url, OTHER_SECRET_KEY);
    const response = await app.request("/ready");
    expect(response.status).toBe(503);
    expect(await jsonOf<ReadyBody>(response)).toMatchObject({ ready: false, reason: "secret_key_wrong" });
    // Liveness is another question: the process answers.
    expect((await app.request("/health")).status).toBe(200);
  });

  it("answers 503 migrations_pending when the database lacks a migration of this build", async () => {
    const url = tempDatabaseUrl();
    const { app, database } = await appOn(url, TEST_SECRET_KEY);
    await database.client.execute(
      "DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)",
    );
    const response = await app.request("/ready");
    expect(response.status).toBe(503);
    expect(await jsonOf<ReadyBody>(response)).toMatchObject({ reason: "migrations_pending" });
  });

  it("answers 503 storage_busy while another process keeps the file locked, and is ready again after", async () => {
    const url = tempDatabaseUrl();
    const { app } = await appOn(url, TEST_SECRET_KEY, { busyDeadlineMs: 300 });
    const lock = await holdWriteLock(url, 2000);
    cleanups.push(lock.stop);
    const response = await app.request("/ready");
    expect(response.status).toBe(503);
    expect(await jsonOf<ReadyBody>(response)).toMatchObject({ reason: "storage_busy" });
    await lock.released;
    expect((await app.request("/ready")).status).toBe(200);
  }, 20_000);

  it("answers 503 storage_unavailable when the database cannot be reached", async () => {
    const { app, database } = await createTestApp();
    database.close();
    const response = await app.request("/ready");
    expect(response.status).toBe(503);
    expect(await jsonOf<ReadyBody>(response)).toMatchObject({ reason: "storage_unavailable" });
  });
});
