import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { storeCustomer } from "../services/customers/upsert-customer";
import { matchCustomer } from "../services/matching/match-customer";
import { MIRROR_TRUSTED_MS } from "../services/matching/mirror-freshness";
import { syncDivision } from "../services/mirror/sync-division";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf } from "../testing/http";
import { startSimHarness } from "../testing/sim-harness";
import { createTestApp } from "../testing/test-app";
import { divisionSync } from "./schema";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SECRET_EMAIL = "geheim.adres@jansen.example";
const customer = (i: number) =>
  JSON.stringify({
    name: `Jansen Vertrouwelijk ${i} BV`,
    email: SECRET_EMAIL,
    country: "NL",
    address: { line1: "Geheime straat 1".padEnd(100, "x"), postcode: "1234 AB", city: "Amsterdam" },
  });
const leaks = (text: string) => /Failed query|params:|insert into|update "|Jansen|geheim/i.test(text);

describe("storage faults", () => {
  it("answers a full database with 503 storage_full and keeps SQL and bound values out of answers and logs", async () => {
    const lines: string[] = [];
    const { app, deps, database } = await createTestApp({
      logger: createLogger("debug", (l) => lines.push(l)),
    });
    cleanups.push(() => database.close());
    const tenant = await createTenant(deps, { name: "Full" });
    const pages = Number((await database.client.execute("PRAGMA page_count")).rows[0]?.[0]);
    await database.client.execute(`PRAGMA max_page_count = ${pages + 2}`);

    let full: Response | undefined;
    for (let i = 1000; i < 1400 && !full; i++) {
      const response = await app.request(`/v1/customers/${i}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${tenant.tokens.integration}`, "content-type": "application/json" },
        body: customer(i),
      });
      if (response.status >= 500) full = response;
      else expect(response.status).toBeLessThan(300);
    }
    expect(full?.status).toBe(503);
    const text = await full!.clone().text();
    const error = await errorOf(full!);
    expect(error.code).toBe("storage_full");
    expect(error.requestId).toEqual(expect.any(String));
    expect(leaks(text)).toBe(false);
    expect(lines.some((line) => line.includes(error.requestId) && line.includes("storage_full"))).toBe(true);
    expect(lines.filter(leaks)).toEqual([]);
  });

  it("stores a failed sync's error as storage_full, not as the failed SQL", async () => {
    const harness = await startSimHarness();
    cleanups.push(() => harness.close());
    harness.sim.control.addDivision({ code: 7_000_021, name: "Full B.V.", accounts: 400 });
    const { tenantId } = await harness.connectTenant();
    await harness.deps.db
      .insert(divisionSync)
      .values({ tenantId, division: 7_000_021, status: "idle" })
      .onConflictDoNothing();
    const { client } = harness.database;
    const pages = Number((await client.execute("PRAGMA page_count")).rows[0]?.[0]);
    await client.execute(`PRAGMA max_page_count = ${pages + 3}`);
    await expect(syncDivision(harness.deps, { tenantId, division: 7_000_021 })).rejects.toThrow();
    const [row] = await harness.deps.db
      .select()
      .from(divisionSync)
      .where(eq(divisionSync.tenantId, tenantId));
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toBe("storage_full");
  });

  it("keeps the failed SQL out of the log when catching up an outdated mirror meets a full database", async () => {
    const harness = await startSimHarness();
    cleanups.push(() => harness.close());
    const division = 7_000_022;
    harness.sim.control.addDivision({ code: division, name: "Vol B.V.", accounts: 20 });
    const { tenantId } = await harness.connectTenant();
    await syncDivision(harness.deps, { tenantId, division });
    await storeCustomer(harness.deps, {
      tenantId,
      number: "4711",
      customer: { name: "Jansen Vertrouwelijk BV", email: SECRET_EMAIL, country: "NL" },
    });
    for (let i = 0; i < 200; i++) {
      harness.sim.control.insertAccount(division, { Name: `Jansen Geheim ${i} BV`, Status: "C" });
    }
    harness.clock.advance(MIRROR_TRUSTED_MS + 60_000);
    const lines: string[] = [];
    const ctx = { ...harness.deps, logger: createLogger("debug", (l) => lines.push(l)) };
    const pages = Number((await harness.database.client.execute("PRAGMA page_count")).rows[0]?.[0]);
    await harness.database.client.execute(`PRAGMA max_page_count = ${pages}`);

    const match = await matchCustomer(ctx, {
      tenantId,
      division,
      customerNumber: "4711",
      create: true,
      actor: "test",
    });
    expect(match.outcome).toBe("unknown");
    const caughtUp = lines.filter((line) => line.includes("mirror could not be brought up to date"));
    expect(caughtUp).toHaveLength(1);
    expect(caughtUp[0]).toContain("storage_full");
    expect(lines.filter(leaks)).toEqual([]);
  });

  it("serves a request whose token bookkeeping is locked out by another process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfx-lock-"));
    const url = `file:${join(dir, "proxy.db")}`;
    const { app, deps, database } = await createTestApp({ databaseUrl: url });
    const outside = createClient({ url });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => database.close());
    cleanups.push(() => outside.close());
    const tenant = await createTenant(deps, { name: "Locked" });

    // The token's first use records `last_used_at`: a write, which the outside lock refuses.
    const lock = await outside.transaction("write");
    await lock.execute("UPDATE tenants SET name = name");
    const read = await app.request("/v1/customers?limit=1", {
      headers: { authorization: `Bearer ${tenant.tokens.integration}` },
    });
    await lock.rollback();
    expect(read.status).toBe(200);
  }, 30_000);
});
