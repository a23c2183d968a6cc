import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { exactConnections } from "../db/schema";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf, jsonOf } from "../testing/http";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

let harness: SimHarness;
afterEach(async () => harness?.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function consentFor(token: string, query = "") {
  const started = await harness.app.request(`/v1/exact/connect${query}`, bearer(token));
  expect(started.status).toBe(302);
  const consent = await fetch(started.headers.get("location")!, { redirect: "manual" });
  const back = new URL(consent.headers.get("location")!);
  return `/exact/callback${back.search}`;
}

describe("connecting Exact Online", () => {
  it("needs a bookkeeper token to start", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    expect((await harness.app.request("/v1/exact/connect")).status).toBe(401);
    const asIntegration = await harness.app.request("/v1/exact/connect", bearer(tenant.tokens.integration));
    expect(asIntegration.status).toBe(403);
    expect((await errorOf(asIntegration)).code).toBe("forbidden");
  });

  it("redirects to Exact's consent page on the chosen country host with a one-time state", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const response = await harness.app.request(
      "/v1/exact/connect?host=start.exactonline.be",
      bearer(tenant.tokens.bookkeeper),
    );
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/api/oauth2/auth");
    expect(location.searchParams.get("client_id")).toBe(harness.exactApp.clientId);
    expect(location.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const json = await harness.app.request("/v1/exact/connect?format=json", bearer(tenant.tokens.bookkeeper));
    expect(await jsonOf(json)).toMatchObject({ authorizeUrl: expect.stringContaining("/api/oauth2/auth?") });
  });

  it("refuses a host that is not Exact's", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const response = await harness.app.request(
      "/v1/exact/connect?host=evil.example.com",
      bearer(tenant.tokens.bookkeeper),
    );
    expect(response.status).toBe(400);
  });

  it("stores the connection encrypted for the tenant that started it, and lists the divisions", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const callback = await harness.app.request(await consentFor(tenant.tokens.bookkeeper));
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain("Exact Online is connected");

    const [stored] = await harness.deps.db.select().from(exactConnections);
    expect(stored?.tenantId).toBe(tenant.tenantId);
    const grant = harness.sim.control.grants()[0]!;
    const issued = [...grant.accessTokens, ...grant.refreshTokens].map((t) => t.token);
    expect(issued.length).toBeGreaterThanOrEqual(2);
    for (const token of issued) expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.accessTokenEnc.startsWith("v1.")).toBe(true);

    const state = await jsonOf<{ connected: boolean; divisions: unknown[]; warnings: string[] }>(
      await harness.app.request("/v1/exact/connection", bearer(tenant.tokens.integration)),
    );
    expect(state.connected).toBe(true);
    expect(state.divisions.length).toBeGreaterThan(0);
    expect(state.warnings).toEqual([]);
  });

  it("accepts a state only once", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const callback = await consentFor(tenant.tokens.bookkeeper);
    expect((await harness.app.request(callback)).status).toBe(200);
    const again = await harness.app.request(callback);
    expect(again.status).toBe(400);
    expect((await errorOf(again)).message).toContain("already used or has expired");
  });

  it("refuses an expired state", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const callback = await consentFor(tenant.tokens.bookkeeper);
    harness.clock.advance(16 * 60_000);
    expect((await harness.app.request(callback)).status).toBe(400);
  });

  it("reports another tenant as not connected", async () => {
    harness = await startSimHarness();
    const connected = await createTenant(harness.deps, { name: "Acme" });
    const other = await createTenant(harness.deps, { name: "Other" });
    await harness.app.request(await consentFor(connected.tokens.bookkeeper));
    const state = await jsonOf(
      await harness.app.request("/v1/exact/connection", bearer(other.tokens.bookkeeper)),
    );
    expect(state).toEqual({ connected: false, sandbox: false });
  });

  it("warns a week before the consent runs out", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    await harness.app.request(await consentFor(tenant.tokens.bookkeeper));
    await harness.deps.db
      .update(exactConnections)
      .set({ refreshTokenIssuedAt: harness.clock.now() - 24 * 86_400_000 })
      .where(eq(exactConnections.tenantId, tenant.tenantId));
    const state = await jsonOf<{ warnings: string[]; refreshTokenAgeDays: number }>(
      await harness.app.request("/v1/exact/connection", bearer(tenant.tokens.bookkeeper)),
    );
    expect(state.refreshTokenAgeDays).toBe(24);
    expect(state.warnings[0]).toContain("consent expires");
  });
});
