import { afterEach, describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf, jsonOf, problemPathsOf } from "../testing/http";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

const DIVISION = 7_000_004;
let harness: SimHarness;
afterEach(async () => harness?.close());

const as = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}) },
});

async function connected() {
  harness = await startSimHarness();
  harness.sim.control.addDivision({ code: DIVISION, name: "Routes test B.V.", accounts: 80 });
  return harness.connectTenant();
}

describe("division routes", () => {
  it("list the tenant's divisions with their mirror state", async () => {
    const tenant = await connected();
    const body = await jsonOf<{ divisions: { division: number; sync: { status: string } }[] }>(
      await harness.app.request("/v1/divisions", as(tenant.tokens.bookkeeper)),
    );
    expect(body.divisions.map((d) => d.division)).toContain(DIVISION);
    expect(body.divisions.find((d) => d.division === DIVISION)?.sync.status).toBe("never");
  });

  it("run a sync and report it: a full load first, incremental after", async () => {
    const tenant = await connected();
    const first = await harness.app.request(
      `/v1/divisions/${DIVISION}/sync?wait=true`,
      as(tenant.tokens.integration, { method: "POST", body: "{}" }),
    );
    expect(first.status).toBe(200);
    expect(await jsonOf(first)).toMatchObject({ status: "idle", lastKind: "full", accounts: 80 });

    const second = await harness.app.request(
      `/v1/divisions/${DIVISION}/sync?wait=true`,
      as(tenant.tokens.integration, { method: "POST" }),
    );
    expect(await jsonOf(second)).toMatchObject({ lastKind: "incremental", lastCalls: 2 });

    const state = await harness.app.request(`/v1/divisions/${DIVISION}/sync`, as(tenant.tokens.bookkeeper));
    expect(await jsonOf(state)).toMatchObject({ lastKind: "incremental", accounts: 80 });
  });

  it("start a sync in the background with 202", async () => {
    const tenant = await connected();
    const started = await harness.app.request(
      `/v1/divisions/${DIVISION}/sync`,
      as(tenant.tokens.bookkeeper, { method: "POST" }),
    );
    expect(started.status).toBe(202);
    await harness.deps.jobs.idle();
    const state = await harness.app.request(`/v1/divisions/${DIVISION}/sync`, as(tenant.tokens.bookkeeper));
    expect(await jsonOf(state)).toMatchObject({ lastKind: "full", accounts: 80 });
  });

  it("answer 404 for a division the tenant has not connected, even if another tenant has", async () => {
    await connected();
    const other = await createTenant(harness.deps, { name: "Other operator" });
    const response = await harness.app.request(`/v1/divisions/${DIVISION}/sync`, as(other.tokens.bookkeeper));
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("not_found");
  });

  it("validate the division and the sync kind", async () => {
    const tenant = await connected();
    const response = await harness.app.request(
      "/v1/divisions/abc/sync",
      as(tenant.tokens.bookkeeper, { method: "POST", body: JSON.stringify({ kind: "sideways" }) }),
    );
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual(expect.arrayContaining(["path.division"]));
    const badKind = await harness.app.request(
      `/v1/divisions/${DIVISION}/sync`,
      as(tenant.tokens.bookkeeper, { method: "POST", body: JSON.stringify({ kind: "sideways" }) }),
    );
    expect(await problemPathsOf(badKind)).toEqual(["body.kind"]);
  });

  it("need a token", async () => {
    await connected();
    expect((await harness.app.request(`/v1/divisions/${DIVISION}/sync`)).status).toBe(401);
    expect(
      (
        await harness.app.request(
          "/v1/divisions",
          as("zfx_not-a-real-token-but-long-enough-to-look-real-0000"),
        )
      ).status,
    ).toBe(401);
  });

  it("sync every mirrored division incrementally on the periodic round", async () => {
    const tenant = await connected();
    await harness.app.request(
      `/v1/divisions/${DIVISION}/sync?wait=true`,
      as(tenant.tokens.bookkeeper, { method: "POST" }),
    );
    harness.sim.control.insertAccount(DIVISION, { Name: "Periodic Find BV", Status: "C" });
    harness.deps.jobs.syncEveryMirroredDivision();
    await harness.deps.jobs.idle();
    const state = await harness.app.request(`/v1/divisions/${DIVISION}/sync`, as(tenant.tokens.bookkeeper));
    expect(await jsonOf(state)).toMatchObject({ lastKind: "incremental", lastChanged: 1, accounts: 81 });
  });

  it("refuse a second manual full sync within the cooldown with 429 and Retry-After, spending no Exact call", async () => {
    const tenant = await connected();
    const full = (token = tenant.tokens.integration) =>
      harness.app.request(
        `/v1/divisions/${DIVISION}/sync?wait=true`,
        as(token, { method: "POST", body: JSON.stringify({ kind: "full" }) }),
      );
    expect((await full()).status).toBe(200);
    harness.sim.calls.reset();
    for (let round = 0; round < 20; round++) {
      const again = await full(round % 2 ? tenant.tokens.bookkeeper : tenant.tokens.integration);
      expect(again.status).toBe(429);
      expect((await errorOf(again)).code).toBe("rate_limited");
      const retryAfter = Number(again.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(500);
      expect(retryAfter).toBeLessThanOrEqual(600);
    }
    expect(harness.sim.calls.count({ division: DIVISION })).toBe(0);

    // An incremental sync is still allowed, and the cooldown ends.
    const incremental = await harness.app.request(
      `/v1/divisions/${DIVISION}/sync?wait=true`,
      as(tenant.tokens.integration, { method: "POST" }),
    );
    expect(incremental.status).toBe(200);
    harness.clock.advance(10 * 60_000 + 1000);
    expect((await full()).status).toBe(200);
  });
});
