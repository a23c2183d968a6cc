import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createExactSimulator } from "../simulator";
import { DIVISION, type Json, TEST_START, testSim } from "../testing/test-sim";

const path = `/api/v1/${DIVISION}/crm/Accounts?$select=ID&$top=1`;
const MINUTELY = [
  "X-RateLimit-Minutely-Limit",
  "X-RateLimit-Minutely-Remaining",
  "X-RateLimit-Minutely-Reset",
];
const DAILY = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

describe("rate limits", () => {
  it("sends all six headers, with resets at the next full minute and 00:00 UTC in epoch ms", async () => {
    const env = testSim();
    env.clock.set(TEST_START + 40_000);
    const response = await env.api(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-RateLimit-Limit")).toBe("5000");
    expect(response.headers.get("X-RateLimit-Remaining")).toBe("4999");
    expect(response.headers.get("X-RateLimit-Reset")).toBe(String(Date.UTC(2026, 5, 26)));
    expect(response.headers.get("X-RateLimit-Minutely-Limit")).toBe("60");
    expect(response.headers.get("X-RateLimit-Minutely-Remaining")).toBe("59");
    expect(response.headers.get("X-RateLimit-Minutely-Reset")).toBe(String(TEST_START + 60_000));
  });

  it("answers the 61st call in a minute with 429 and only the minutely headers, until the minute ends", async () => {
    const env = testSim();
    env.clock.set(TEST_START + 10_000);
    for (let i = 0; i < 60; i++) expect((await env.api(path)).status).toBe(200);
    const limited = await env.api(path);
    expect(limited.status).toBe(429);
    for (const name of MINUTELY) expect(limited.headers.get(name), name).not.toBeNull();
    for (const name of DAILY) expect(limited.headers.get(name), name).toBeNull();
    expect(limited.headers.get("X-RateLimit-Minutely-Remaining")).toBe("0");
    const body: Json = await limited.json();
    expect(body.error.message.value).toBeTypeOf("string");
    env.clock.advance(49_999);
    expect((await env.api(path)).status).toBe(429);
    env.clock.advance(1);
    expect((await env.api(path)).status).toBe(200);
    expect(env.sim.calls.summary().rateLimited).toBe(2);
    expect(env.sim.calls.count({ status: 429 })).toBe(2);
  });

  it("answers 429 with only the daily headers when the daily budget is spent", async () => {
    const env = testSim({ rateLimits: { daily: 5, minutely: 100 } });
    for (let i = 0; i < 5; i++) await env.api(path);
    const limited = await env.api(path);
    expect(limited.status).toBe(429);
    for (const name of DAILY) expect(limited.headers.get(name), name).not.toBeNull();
    for (const name of MINUTELY) expect(limited.headers.get(name), name).toBeNull();
    env.clock.set(Date.UTC(2026, 5, 26, 0, 0, 1));
    const fresh = env.sim.control.issueTokens().access_token;
    expect((await env.api(path, {}, fresh)).status).toBe(200);
  });

  it("counts per client and division, and puts the headers on error answers too", async () => {
    const env = testSim({
      seed: {
        seed: 2,
        divisions: [
          { code: DIVISION, name: "A", accounts: 2 },
          { code: 1002, name: "B", accounts: 2 },
        ],
      },
    });
    await env.api(path);
    const other = await env.api("/api/v1/1002/crm/Accounts?$select=ID");
    expect(other.headers.get("X-RateLimit-Minutely-Remaining")).toBe("59");
    const notFound = await env.api(
      `/api/v1/${DIVISION}/crm/Accounts(guid'00000000-0000-0000-0000-000000000001')`,
    );
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("X-RateLimit-Minutely-Remaining")).toBe("58");
  });

  it("counts 4xx errors per endpoint and hour, and blocks over the threshold when configured", async () => {
    const env = testSim({ errorBlock: { threshold: 2, block: true } });
    const bad = `/api/v1/${DIVISION}/crm/Accounts?$filter=Nope%20eq%201`;
    for (let i = 0; i < 3; i++) expect((await env.api(bad)).status).toBe(400);
    expect((await env.api(path)).status).toBe(429);
    expect(env.sim.control.errorBudget()[0]).toMatchObject({
      endpoint: "crm/Accounts",
      errorsLastHour: 3,
      overThreshold: true,
    });
    env.clock.advance(3_600_001);
    const fresh = env.sim.control.issueTokens().access_token;
    expect((await env.api(path, {}, fresh)).status).toBe(200);
  });

  it("blocks by default after more than 10 client errors an hour on one endpoint, with a 429 without rate-limit headers", async () => {
    const env = testSim();
    const bad = `/api/v1/${DIVISION}/crm/Accounts?$filter=Nope%20eq%201`;
    for (let i = 0; i < 11; i++) expect((await env.api(bad)).status).toBe(400);
    const blocked = await env.api(path);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("X-RateLimit-Minutely-Remaining")).toBeNull();
    expect(env.sim.calls.entries({ statusClass: "4xx" })).toHaveLength(11);
  });

  it("tells the client errors a test asked for from unexpected ones", async () => {
    const { sim, clock } = testSim();
    // Its own ledger: the one unexpected error it causes on purpose stays out of the test run's count.
    const ledger = join(mkdtempSync(join(tmpdir(), "sim-ledger-")), "client-errors.jsonl");
    const strict = createExactSimulator({ clock, seed: sim.options.seed, clientErrorLedger: ledger });
    const token = strict.control.issueTokens().access_token;
    const get = (url: string) =>
      strict.app.request(`http://exact.test${url}`, {
        headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      });
    const bad = `/api/v1/${DIVISION}/crm/Accounts?$filter=Nope%20eq%201`;
    await strict.calls.expectClientErrors(() => get(bad));
    await get(bad);
    expect(strict.calls.unexpectedClientErrors()).toHaveLength(1);
    expect(strict.calls.entries({ statusClass: "4xx" })).toHaveLength(2);
    const ledgered = readFileSync(ledger, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(ledgered).toEqual([
      expect.objectContaining({ method: "GET", endpoint: "crm/Accounts", status: 400 }),
    ]);
  });
});
