import { describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf } from "../testing/http";
import { createManualClock } from "../testing/manual-clock";
import { createTestApp } from "../testing/test-app";

const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("the API's rate limit per token", () => {
  it("answers 429 with Retry-After past the limit, for that token only, and lets it go on once refilled", async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
    const { app, deps, database } = await createTestApp({ clock, apiRateLimit: { perMinute: 30 } });
    const busy = await createTenant(deps, { name: "Busy" });
    const quiet = await createTenant(deps, { name: "Quiet" });

    for (let i = 0; i < 30; i++) {
      expect((await app.request("/v1/divisions", as(busy.tokens.bookkeeper))).status).toBe(200);
    }
    const limited = await app.request("/v1/divisions", as(busy.tokens.bookkeeper));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    const error = await errorOf(limited);
    expect(error.code).toBe("rate_limited");
    expect(error.requestId).toEqual(expect.any(String));

    expect((await app.request("/v1/divisions", as(busy.tokens.integration))).status).toBe(200);
    expect((await app.request("/v1/divisions", as(quiet.tokens.bookkeeper))).status).toBe(200);
    // Health and webhooks carry no token and are not counted.
    expect((await app.request("/health")).status).toBe(200);

    clock.advance(2000);
    expect((await app.request("/v1/divisions", as(busy.tokens.bookkeeper))).status).toBe(200);
    expect((await app.request("/v1/divisions", as(busy.tokens.bookkeeper))).status).toBe(429);
    database.close();
  });

  it("limits guessed tokens too", async () => {
    const { app, database } = await createTestApp({ apiRateLimit: { perMinute: 5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await app.request("/v1/divisions", as("zfx_guessed-token-that-does-not-exist"))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    database.close();
  });

  it("keeps at most so many tokens in mind, forgetting the longest unseen: made-up tokens cannot fill the memory", async () => {
    const { app, database } = await createTestApp({ apiRateLimit: { perMinute: 2, maxTokens: 3 } });
    const ask = async (token: string) => (await app.request("/v1/divisions", as(token))).status;
    const busy = "zfx_busy-token-that-does-not-exist-but-looks-right";
    expect([await ask(busy), await ask(busy), await ask(busy)]).toEqual([401, 401, 429]);
    // Two more tokens: the busy one is still in mind, and still limited.
    for (const token of ["zfx_a", "zfx_b"]) await ask(token);
    expect(await ask(busy)).toBe(429);
    // Three others seen since: it was forgotten, and starts again.
    for (const token of ["zfx_c", "zfx_d", "zfx_e"]) await ask(token);
    expect(await ask(busy)).toBe(401);
    database.close();
  });
});
