import { webhookHashCode } from "@zapfloor-exact/exact-sim";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { exactAccounts } from "../db/schema";
import { listen, type RunningServer } from "../server";
import { ensureAccountsWebhook } from "../services/mirror/ensure-webhook";
import { syncDivision } from "../services/mirror/sync-division";
import { errorOf } from "../testing/http";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

const DIVISION = 7_000_003;
let harness: SimHarness | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await harness?.close();
  server = undefined;
});

describe("POST /webhooks/exact", () => {
  it("answers Exact's empty validation POST with 200", async () => {
    harness = await startSimHarness();
    const response = await harness.app.request("/webhooks/exact", { method: "POST", body: "" });
    expect(response.status).toBe(200);
  });

  it("refuses a delivery whose HashCode does not match, with 401 in the error shape", async () => {
    harness = await startSimHarness();
    const body = JSON.stringify({
      Content: { Topic: "Accounts", Division: 1, Action: "Update", Key: "x" },
      HashCode: "AB".repeat(32),
    });
    const response = await harness.app.request("/webhooks/exact", { method: "POST", body });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("unauthorized");
  });

  it("subscribes once after a full load, and a signed delivery refreshes just the changed account", async () => {
    harness = await startSimHarness();
    harness.sim.control.addDivision({ code: DIVISION, name: "Webhook test B.V.", accounts: 50 });
    const { tenantId } = await harness.connectTenant();
    server = await listen(createApp({ ...harness.deps, publicUrl: "" }), 0, "127.0.0.1");
    const ctx = { ...harness.deps, publicUrl: server.url };
    await syncDivision(ctx, { tenantId, division: DIVISION });

    expect(await ensureAccountsWebhook(ctx, { tenantId, division: DIVISION })).toBe("subscribed");
    expect(await ensureAccountsWebhook(ctx, { tenantId, division: DIVISION })).toBe("already_subscribed");
    await harness.sim.control.flushWebhooks();

    const target = harness.sim.control.accounts(DIVISION)[3]!;
    harness.sim.control.updateAccount(DIVISION, target.ID, { Name: "Renamed by a bookkeeper BV" });
    await harness.sim.control.flushWebhooks();
    harness.sim.calls.reset();
    await harness.deps.jobs.idle();

    const [row] = await harness.deps.db.select().from(exactAccounts).where(eq(exactAccounts.id, target.ID));
    expect(row?.name).toBe("Renamed by a bookkeeper BV");
    expect(harness.sim.calls.count({ division: DIVISION })).toBe(1);
  });

  it("subscribes nothing when the app has no webhook secret, as no delivery could be verified", async () => {
    harness = await startSimHarness();
    harness.sim.control.addDivision({ code: DIVISION, name: "Webhook test B.V.", accounts: 5 });
    const { tenantId } = await harness.connectTenant();
    server = await listen(createApp(harness.deps), 0, "127.0.0.1");
    const { webhookSecret: _dropped, ...appWithoutSecret } = harness.deps.exact.app;
    const ctx = {
      ...harness.deps,
      publicUrl: server.url,
      exact: { ...harness.deps.exact, app: appWithoutSecret },
    };
    harness.sim.calls.reset();
    expect(await ensureAccountsWebhook(ctx, { tenantId, division: DIVISION })).toBe("no_secret");
    expect(harness.sim.calls.count({ division: DIVISION })).toBe(0);
  });

  it("applies more than ten Delete deliveries an hour locally: no call to Exact, no 4xx, account reads still work", async () => {
    harness = await startSimHarness();
    harness.sim.control.addDivision({ code: DIVISION, name: "Webhook test B.V.", accounts: 20 });
    const { tenantId } = await harness.connectTenant();
    server = await listen(createApp(harness.deps), 0, "127.0.0.1");
    const ctx = { ...harness.deps, publicUrl: server.url };
    await syncDivision(ctx, { tenantId, division: DIVISION });
    await ensureAccountsWebhook(ctx, { tenantId, division: DIVISION });
    await harness.sim.control.flushWebhooks();
    harness.sim.calls.reset();

    const targets = harness.sim.control.accounts(DIVISION).slice(0, 12);
    for (const target of targets) harness.sim.control.deleteAccount(DIVISION, target.ID);
    await harness.sim.control.flushWebhooks();
    await harness.deps.jobs.idle();

    const rows = await harness.deps.db
      .select()
      .from(exactAccounts)
      .where(eq(exactAccounts.tenantId, tenantId));
    const deleted = new Set(rows.filter((row) => row.deletedAt !== null).map((row) => row.id));
    expect(targets.every((target) => deleted.has(target.ID))).toBe(true);
    expect(harness.sim.calls.count({ division: DIVISION })).toBe(0);

    const result = await syncDivision(ctx, { tenantId, division: DIVISION });
    expect(result).toMatchObject({ kind: "incremental", deleted: 0 });
    expect(harness.sim.calls.entries({ statusClass: "4xx" })).toEqual([]);
  });

  it("refreshes an account once for a burst of deliveries, and drops replays of one delivery", async () => {
    const sim = await startSimHarness();
    harness = sim;
    sim.sim.control.addDivision({ code: DIVISION, name: "Webhook test B.V.", accounts: 20 });
    const { tenantId } = await sim.connectTenant();
    await syncDivision(sim.deps, { tenantId, division: DIVISION });
    const [first, second] = sim.sim.control.accounts(DIVISION);
    const deliver = (key: string, createdOn: string) => {
      const content = JSON.stringify({
        Topic: "Accounts",
        ClientId: sim.exactApp.clientId,
        Division: DIVISION,
        Action: "Update",
        Key: key,
        ExactOnlineEndpoint: `${sim.simulator.url}/api/v1/${DIVISION}/crm/Accounts(guid'${key}')`,
        EventCreatedOn: createdOn,
      });
      const hash = webhookHashCode(sim.exactApp.webhookSecret ?? "", content);
      return sim.app.request("/webhooks/exact", {
        method: "POST",
        body: `{"Content":${content},"HashCode":"${hash}"}`,
      });
    };
    sim.sim.calls.reset();

    // The same signed delivery 40 times, then 40 different ones for the same account, then one for another.
    for (let i = 0; i < 40; i++) expect((await deliver(first!.ID, "2026-11-25T09:00:00")).status).toBe(200);
    for (let i = 0; i < 40; i++) await deliver(first!.ID, `2026-11-25T09:00:${String(i).padStart(2, "0")}`);
    await deliver(second!.ID, "2026-11-25T09:00:00");
    await sim.deps.jobs.idle();
    expect(sim.sim.calls.count({ division: DIVISION })).toBe(2);

    // A later change of the same account is refreshed again.
    await deliver(first!.ID, "2026-11-25T09:05:00");
    await sim.deps.jobs.idle();
    expect(sim.sim.calls.count({ division: DIVISION })).toBe(3);

    // A replay of an earlier delivery, after the window: recognised and dropped.
    await deliver(second!.ID, "2026-11-25T09:00:00");
    await sim.deps.jobs.idle();
    expect(sim.sim.calls.count({ division: DIVISION })).toBe(3);
  });
});
