import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf } from "../testing/http";
import { createTestApp } from "../testing/test-app";
import { holdWriteLock } from "../testing/write-lock";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDatabaseUrl() {
  const dir = mkdtempSync(join(tmpdir(), "zfx-outside-lock-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return `file:${join(dir, "proxy.db")}`;
}

/** The longest the event loop went without running a 10 ms timer while `during` ran. */
async function longestStall<T>(during: Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await during, stallMs };
  } finally {
    clearInterval(timer);
  }
}

const customer = (name: string) => JSON.stringify({ name, email: "info@example.com", country: "NL" });

describe("another process holding the database file's write lock", () => {
  it("neither stalls /health nor fails a write issued meanwhile, which lands once the lock is released", async () => {
    const databaseUrl = tempDatabaseUrl();
    const { app, deps, database } = await createTestApp({ databaseUrl });
    cleanups.push(() => database.close());
    const tenant = await createTenant(deps, { name: "Locked out" });
    const put = () =>
      app.request("/v1/customers/1001", {
        method: "PUT",
        headers: { authorization: `Bearer ${tenant.tokens.integration}`, "content-type": "application/json" },
        body: customer("Written during the lock BV"),
      });
    expect((await put()).status).toBeLessThan(300);

    const lock = await holdWriteLock(databaseUrl, 3000);
    const lockedAt = performance.now();
    cleanups.push(lock.stop);
    let written = false;
    const write = Promise.resolve(put()).then((response) => {
      written = true;
      return response;
    });
    const healthTimes: number[] = [];
    const probes = (async () => {
      // Probes for the first two seconds of the 3 s lock, however slow the machine: the write waits meanwhile.
      do {
        expect(written).toBe(false);
        const started = performance.now();
        const health = await app.request("/health");
        healthTimes.push(performance.now() - started);
        expect(health.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 150));
      } while (performance.now() - lockedAt < 2000);
    })();
    const { stallMs } = await longestStall(Promise.all([write, probes]));
    expect((await write).status).toBeLessThan(300);
    await lock.released;
    // SQLite's busy handler held the event loop for as long as the lock (3 s); now one short wait at most, with
    // room for a collection or a busy machine.
    expect(Math.max(...healthTimes)).toBeLessThan(2000);
    expect(stallMs).toBeLessThan(2000);
  }, 30_000);

  it("answers 503 storage_busy with Retry-After once the wait passes its deadline, and writes again afterwards", async () => {
    const databaseUrl = tempDatabaseUrl();
    const { app, deps, database } = await createTestApp({ databaseUrl, busyDeadlineMs: 300 });
    cleanups.push(() => database.close());
    const tenant = await createTenant(deps, { name: "Long lock" });
    const put = () =>
      app.request("/v1/customers/1002", {
        method: "PUT",
        headers: { authorization: `Bearer ${tenant.tokens.integration}`, "content-type": "application/json" },
        body: customer("After the lock BV"),
      });

    const lock = await holdWriteLock(databaseUrl, 2500);
    cleanups.push(lock.stop);
    const refused = await put();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await errorOf(refused)).code).toBe("storage_busy");

    await lock.released;
    // libSQL leaves a busy statement open on its pooled connection; a later transaction must still commit.
    for (let i = 0; i < 3; i++) expect((await put()).status).toBeLessThan(300);
    const tx = await database.client.transaction("write");
    await tx.execute("UPDATE tenants SET name = name");
    await tx.commit();
  }, 30_000);
});
