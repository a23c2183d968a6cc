import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decodeKey } from "../secret-key";
import { createTenant } from "../services/tenants/create-tenant";
import { jsonOf } from "../testing/http";
import { startSqld } from "../testing/processes";
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

  it("answers 503 storage_full when the database has no room for more, and is ready again once it has", async () => {
    const { app, deps, database } = await appOn(tempDatabaseUrl(), TEST_SECRET_KEY);
    const tenant = await createTenant(deps, { name: "Full" });
    expect((await app.request("/ready")).status).toBe(200);
    const pages = Number((await database.client.execute("PRAGMA page_count")).rows[0]?.[0]);
    await database.client.execute(`PRAGMA max_page_count = ${pages}`);
    // Writes that fit the pages there still land; the first that needs a new page is refused.
    let refused: Response | undefined;
    for (let i = 1000; i < 1400 && !refused; i++) {
      const response = await app.request(`/v1/customers/${i}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${tenant.tokens.integration}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `Klant ${i} BV`.padEnd(150, "x"), country: "NL" }),
      });
      if (response.status >= 500) refused = response;
    }
    expect(refused?.status).toBe(503);

    // The limit holds for one connection, and a transaction keeps the connection it took: set it on the next.
    await database.client.execute(`PRAGMA max_page_count = ${pages}`);
    const response = await app.request("/ready");
    expect(response.status).toBe(503);
    expect(await jsonOf<ReadyBody>(response)).toMatchObject({ ready: false, reason: "storage_full" });
    await database.client.execute(`PRAGMA max_page_count = ${pages + 1000}`);
    expect((await app.request("/ready")).status).toBe(200);
    // Proving the room spends none of it.
    const pageCount = async () => (await database.client.execute("PRAGMA page_count")).rows[0]?.[0];
    const before = await pageCount();
    for (let i = 0; i < 5; i++) expect((await app.request("/ready")).status).toBe(200);
    expect(await pageCount()).toBe(before);
  });

  it("is ready on a libSQL server as well", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfx-ready-sqld-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const sqld = await startSqld(join(dir, "sqld"));
    cleanups.push(sqld.stop);
    const { app } = await appOn(sqld.url, TEST_SECRET_KEY);
    const response = await app.request("/ready");
    expect(await jsonOf<ReadyBody>(response)).toMatchObject({ ready: true, checks: { database: "ok" } });
  }, 30_000);

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
