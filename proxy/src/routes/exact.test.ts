import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { exactConnections, oauthStates, pairingCodes } from "../db/schema";
import { createTenant } from "../services/tenants/create-tenant";
import {
  answer,
  connectLikeABrowser,
  giveConsent,
  receiveIn,
  type SendToProxy,
} from "../testing/browser-consent";
import { errorOf, jsonOf } from "../testing/http";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

let harness: SimHarness;
afterEach(async () => harness?.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

const send: SendToProxy = async (path, init) => harness.app.request(path, init);

/** A confirmed consent in one browser; answers the confirmation's response. */
const connect = (token: string) => connectLikeABrowser(send, token);

describe("connecting Exact Online", () => {
  it("needs a bookkeeper token to start", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    expect((await harness.app.request("/v1/exact/connect")).status).toBe(401);
    const asIntegration = await harness.app.request("/v1/exact/connect", bearer(tenant.tokens.integration));
    expect(asIntegration.status).toBe(403);
    expect((await errorOf(asIntegration)).code).toBe("forbidden");
  });

  it("sends the browser to the proxy's consent page, which binds it and goes on to Exact's chosen host", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const response = await harness.app.request(
      "/v1/exact/connect?host=start.exactonline.be",
      bearer(tenant.tokens.bookkeeper),
    );
    const consentPage = new URL(response.headers.get("location")!);
    expect(consentPage.origin).toBe(harness.deps.publicUrl);
    expect(consentPage.pathname).toBe("/exact/consent");

    const opened = await harness.app.request(`${consentPage.pathname}${consentPage.search}`);
    expect(opened.status).toBe(302);
    const location = new URL(opened.headers.get("location")!);
    expect(location.pathname).toBe("/api/oauth2/auth");
    expect(location.searchParams.get("client_id")).toBe(harness.exactApp.clientId);
    expect(location.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = opened.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^zapfloor_consent=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/exact");

    // Opened a second time (the link sent to someone else): refused.
    const again = await harness.app.request(`${consentPage.pathname}${consentPage.search}`);
    expect(again.status).toBe(400);
    expect(again.headers.get("set-cookie")).toBeNull();

    const json = await harness.app.request("/v1/exact/connect?format=json", bearer(tenant.tokens.bookkeeper));
    expect(await jsonOf(json)).toMatchObject({
      authorizeUrl: expect.stringContaining("/exact/consent?state="),
    });
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
    const confirmed = await connect(tenant.tokens.bookkeeper);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Exact Online is connected");

    const [stored] = await harness.deps.db.select().from(exactConnections);
    expect(stored?.tenantId).toBe(tenant.tenantId);
    const grant = harness.sim.control.grants()[0]!;
    const issued = [...grant.accessTokens, ...grant.refreshTokens].map((t) => t.token);
    expect(issued.length).toBeGreaterThanOrEqual(2);
    for (const token of issued) expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.accessTokenEnc).toMatch(/^v2\.[0-9a-f]{8}\./);

    const state = await jsonOf<{ connected: boolean; divisions: unknown[]; warnings: string[] }>(
      await harness.app.request("/v1/exact/connection", bearer(tenant.tokens.integration)),
    );
    expect(state.connected).toBe(true);
    expect(state.divisions.length).toBeGreaterThan(0);
    expect(state.warnings).toEqual([]);
  });

  it("shows the tenant, Exact user and divisions before storing anything, and stores on confirmation", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme Coworking" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper);
    const page = await receiveIn(send, consent);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Connect Exact Online to Acme Coworking?");
    expect(text).toContain("Sanne de Vries");
    for (const division of harness.sim.control.divisions()) expect(text).toContain(`(${division.code})`);
    expect(text).toContain('name="decision" value="connect"');
    expect(await harness.deps.db.select().from(exactConnections)).toEqual([]);

    const confirmed = await answer(send, consent);
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get("set-cookie")).toMatch(/^zapfloor_consent=;/);
    const [stored] = await harness.deps.db.select().from(exactConnections);
    expect(stored?.tenantId).toBe(tenant.tenantId);
    // The tokens waited encrypted, and are gone from the state once stored.
    const [state] = await harness.deps.db.select().from(oauthStates);
    expect(state?.pendingTokensEnc).toBeNull();
    expect(state?.usedAt).not.toBeNull();
  });

  it("refuses a consent link given in another browser: the tokens of that Exact user are never stored", async () => {
    harness = await startSimHarness();
    // Tenant X's bookkeeper opens a consent and sends Exact's page on to a bookkeeper of another company.
    const x = await createTenant(harness.deps, { name: "Tenant X" });
    const consent = await giveConsent(send, x.tokens.bookkeeper);
    const victim = await giveConsent(
      send,
      (await createTenant(harness.deps, { name: "Y" })).tokens.bookkeeper,
    );
    for (const cookie of ["", victim.cookie]) {
      const callback = await receiveIn(send, consent, cookie);
      expect(callback.status).toBe(403);
      expect(await callback.text()).toContain("started in another browser");
    }
    expect((await answer(send, consent, "connect", victim.cookie)).status).toBe(400);
    expect(await harness.deps.db.select().from(exactConnections)).toEqual([]);
    // Refused before the code was exchanged: Exact issued no token for it.
    expect(harness.sim.control.grants().flatMap((grant) => grant.accessTokens)).toEqual([]);
  });

  it("stores nothing when the bookkeeper cancels, or confirms from another browser", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper);
    expect((await receiveIn(send, consent)).status).toBe(200);
    const elsewhere = await answer(send, consent, "connect", "zapfloor_consent=someone-else");
    expect(elsewhere.status).toBe(403);
    const cancelled = await answer(send, consent, "cancel");
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain("You cancelled the connection.");
    expect((await answer(send, consent)).status).toBe(400);
    expect(await harness.deps.db.select().from(exactConnections)).toEqual([]);
    const [state] = await harness.deps.db.select().from(oauthStates);
    expect(state?.pendingTokensEnc).toBeNull();
  });

  it("accepts a state only once", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper);
    expect((await receiveIn(send, consent)).status).toBe(200);
    const again = await receiveIn(send, consent);
    expect(again.status).toBe(400);
    expect((await answer(send, consent)).status).toBe(200);
    const after = await receiveIn(send, consent);
    expect(after.status).toBe(400);
    expect(await after.text()).toContain("already used or has expired");
  });

  it("refuses an expired state, and purges expired states when the next consent starts", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper);
    harness.clock.advance(16 * 60_000);
    expect((await receiveIn(send, consent)).status).toBe(400);
    const [expired] = await harness.deps.db.select().from(oauthStates);
    await harness.app.request("/v1/exact/connect?format=json", bearer(tenant.tokens.bookkeeper));
    const left = await harness.deps.db.select().from(oauthStates);
    expect(left).toHaveLength(1);
    expect(left[0]?.stateHash).not.toBe(expired?.stateHash);
  });

  it.each([
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/collect",
    "http://proxy.test.evil.example/",
    "chrome-extension://not-an-id/options.html",
  ])("refuses returnTo %s with 400", async (returnTo) => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const response = await harness.app.request(
      `/v1/exact/connect?format=json&returnTo=${encodeURIComponent(returnTo)}`,
      bearer(tenant.tokens.bookkeeper),
    );
    expect(response.status).toBe(400);
    expect(await harness.deps.db.select().from(oauthStates)).toEqual([]);
  });

  it("returns to the extension's page or the proxy's own page after confirming", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    for (const returnTo of [
      "chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html",
      `${harness.deps.publicUrl}/docs`,
    ]) {
      const consent = await giveConsent(
        send,
        tenant.tokens.bookkeeper,
        `&returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect((await receiveIn(send, consent)).status).toBe(200);
      const confirmed = await answer(send, consent);
      expect(confirmed.status).toBe(302);
      expect(confirmed.headers.get("location")).toBe(returnTo);
    }
  });

  it("offers a pairing code for the browser extension on its connected page, which gives a bookkeeper token once", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const page = await (await connect(tenant.tokens.bookkeeper)).text();
    expect(page).toContain("<summary>Pair the browser extension</summary>");
    expect(page).toContain(`<code data-proxy-url>${harness.deps.publicUrl}</code>`);
    const code = /<output data-pairing-code>([A-Z2-9]{4}-[A-Z2-9]{4})<\/output>/.exec(page)?.[1];
    expect(code).toBeDefined();

    const exchange = () =>
      harness.app.request("/v1/pairing/exchange", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code }),
      });
    const paired = await exchange();
    expect(paired.status).toBe(200);
    const { token } = await jsonOf<{ token: string }>(paired);
    const connection = await harness.app.request("/v1/exact/connection", bearer(token));
    expect(await jsonOf<{ connected: boolean }>(connection)).toMatchObject({ connected: true });
    expect((await exchange()).status).toBe(400);
  });

  it("makes no pairing code when the consent returns to the extension's own page", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const returnTo = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html";
    const consent = await giveConsent(
      send,
      tenant.tokens.bookkeeper,
      `&returnTo=${encodeURIComponent(returnTo)}`,
    );
    await receiveIn(send, consent);
    expect((await answer(send, consent)).status).toBe(302);
    expect(await harness.deps.db.select().from(pairingCodes)).toEqual([]);
  });

  it("reports another tenant as not connected", async () => {
    harness = await startSimHarness();
    const connected = await createTenant(harness.deps, { name: "Acme" });
    const other = await createTenant(harness.deps, { name: "Other" });
    await connect(connected.tokens.bookkeeper);
    const state = await jsonOf(
      await harness.app.request("/v1/exact/connection", bearer(other.tokens.bookkeeper)),
    );
    expect(state).toEqual({ connected: false, sandbox: false });
  });

  it("warns a week before the consent runs out", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    await connect(tenant.tokens.bookkeeper);
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
