import { createAcceleratedClock } from "@zapfloor-exact/exact-sim";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { readConnectionOfTenant } from "../db/connection-tokens";
import { exactConnections } from "../db/schema";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";
import { me } from "./schemas";
import { REFRESH_MARGIN_MS } from "./token-manager";

let harness: SimHarness;
afterEach(async () => harness?.close());

async function setStoredExpiry(h: SimHarness, tenantId: string, expiresAt: number) {
  await h.deps.db
    .update(exactConnections)
    .set({ accessTokenExpiresAt: expiresAt })
    .where(eq(exactConnections.tenantId, tenantId));
}

const refreshes = (h: SimHarness) =>
  h.sim.calls.count({ endpoint: "oauth2/token", grantType: "refresh_token" });

describe("the token manager against the simulator", () => {
  it("serves 50 concurrent calls at token expiry with exactly one refresh", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    harness.clock.advance(585_000);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => harness.deps.exact.client.me(tenantId, me)),
    );

    expect(answers).toHaveLength(50);
    expect(answers.every((answer) => answer.CurrentDivision > 0)).toBe(true);
    expect(refreshes(harness)).toBe(1);
    expect(harness.sim.calls.count({ status: 401 })).toBe(0);
  });

  it("does not refresh a token that is not near expiry", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    harness.clock.advance(500_000);
    await harness.deps.exact.client.me(tenantId, me);
    expect(refreshes(harness)).toBe(0);
  });

  it("keeps refreshing across many token lifetimes, storing each rotated refresh token", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    for (let lifetime = 0; lifetime < 5; lifetime++) {
      harness.clock.advance(590_000);
      await harness.deps.exact.client.me(tenantId, me);
    }
    expect(refreshes(harness)).toBe(5);
    expect((await readConnectionOfTenant(harness.deps.db, tenantId))?.tokenVersion).toBe(6);
  });

  it("refreshes once and retries once when Exact answers 401 before our expiry", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    // Our record says the token has a minute left; Exact has already ended it.
    harness.clock.advance(580_000);
    await setStoredExpiry(harness, tenantId, harness.clock.now() + 60_000);
    harness.sim.control.expireAccessTokens();

    const answer = await harness.sim.calls.expectClientErrors(() =>
      harness.deps.exact.client.me(tenantId, me),
    );

    expect(answer.CurrentDivision).toBeGreaterThan(0);
    expect(refreshes(harness)).toBe(1);
    expect(harness.sim.calls.count({ status: 401 })).toBe(1);
  });

  it("marks the connection for a new consent when the refresh token expired, and says so", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    harness.sim.control.expireRefreshTokens();
    harness.clock.advance(590_000);

    await harness.sim.calls.expectClientErrors(() =>
      expect(harness.deps.exact.client.me(tenantId, me)).rejects.toMatchObject({
        code: "upstream",
        details: { reconnect: true },
      }),
    );
    expect((await readConnectionOfTenant(harness.deps.db, tenantId))?.status).toBe("needs_reconnect");
  });

  it("uses the current token when Exact says it is too early to refresh", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    // Our record says the token is in its last 30 s; Exact issued it a moment ago and refuses the refresh.
    await setStoredExpiry(harness, tenantId, harness.clock.now() + 10_000);

    const answer = await harness.sim.calls.expectClientErrors(() =>
      harness.deps.exact.client.me(tenantId, me),
    );

    expect(answer.CurrentDivision).toBeGreaterThan(0);
    expect(harness.sim.calls.count({ endpoint: "oauth2/token", status: 400 })).toBe(1);
    expect((await readConnectionOfTenant(harness.deps.db, tenantId))?.status).toBe("active");
  });

  it("counts the first token's 600 s from Exact's answer, so a slow consent never leads to a refresh Exact refuses", async () => {
    // 100 times real speed: Exact answering the code exchange in 0.4 s real time takes 40 s of its clock.
    harness = await startSimHarness({ clock: createAcceleratedClock({ speed: 100 }) });
    harness.sim.control.addFault({ path: "oauth2/token", latencyMs: 400, times: 1 });
    const { tenantId } = await harness.connectTenant();
    const stored = await readConnectionOfTenant(harness.deps.db, tenantId);
    harness.clock.advance(stored!.accessTokenExpiresAt - REFRESH_MARGIN_MS - harness.clock.now() + 1_000);

    await harness.deps.exact.client.me(tenantId, me);

    expect(harness.sim.calls.entries({ endpoint: "oauth2/token" }).map((call) => call.status)).toEqual([
      200, 200,
    ]);
  });

  it("treats invalid_client as the app's configuration: a clear error, and the connection stays active", async () => {
    harness = await startSimHarness();
    const { tenantId } = await harness.connectTenant();
    harness.exactApp.clientSecret = "a secret Exact does not know";
    harness.clock.advance(590_000);

    await harness.sim.calls.expectClientErrors(() =>
      expect(harness.deps.exact.client.me(tenantId, me)).rejects.toMatchObject({
        code: "upstream",
        message: expect.stringMatching(/app's client ID or secret/),
        details: { appConfiguration: true },
      }),
    );
    expect((await readConnectionOfTenant(harness.deps.db, tenantId))?.status).toBe("active");
  });

  it("marks the one connection whose refresh token Exact no longer grants (invalid_grant)", async () => {
    harness = await startSimHarness();
    const lost = await harness.connectTenant("Lost BV");
    const kept = await harness.connectTenant("Kept BV");
    harness.sim.control.revokeGrant(harness.sim.control.grants()[0]!.grantId);
    harness.clock.advance(590_000);

    await harness.sim.calls.expectClientErrors(() =>
      expect(harness.deps.exact.client.me(lost.tenantId, me)).rejects.toMatchObject({
        details: { reconnect: true },
      }),
    );
    expect((await harness.deps.exact.client.me(kept.tenantId, me)).CurrentDivision).toBeGreaterThan(0);
    expect((await readConnectionOfTenant(harness.deps.db, lost.tenantId))?.status).toBe("needs_reconnect");
    expect((await readConnectionOfTenant(harness.deps.db, kept.tenantId))?.status).toBe("active");
  });
});
