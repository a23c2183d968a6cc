import { describe, expect, it } from "vitest";
import { DIVISION, type Json, testSim } from "../testing/test-sim";

const list = `/api/v1/${DIVISION}/crm/Accounts?$select=ID&$top=1`;
const create = (name: string) => ({
  method: "POST",
  body: JSON.stringify({ Name: name }),
  headers: { Prefer: "return=representation" },
});

describe("faults", () => {
  it("answers 503 the given number of times, then recovers", async () => {
    const env = testSim();
    env.sim.control.addFault({
      path: "crm/Accounts",
      method: "GET",
      action: "status",
      status: 503,
      times: 2,
    });
    expect((await env.api(list)).status).toBe(503);
    expect((await env.api(list)).status).toBe(503);
    expect((await env.api(list)).status).toBe(200);
    expect(env.sim.calls.summary().serverErrors).toBe(2);
  });

  it("scopes faults by division", async () => {
    const env = testSim();
    env.sim.control.addFault({ path: "*", action: "status", status: 502, division: 999 });
    expect((await env.api(list)).status).toBe(200);
  });

  it("drops the connection: an in-process request rejects like fetch", async () => {
    const env = testSim();
    env.sim.control.addFault({ path: "crm/Accounts", action: "drop", times: 1 });
    await expect(env.api(list)).rejects.toThrow("fetch failed");
    expect(env.sim.calls.summary().dropped).toBe(1);
    expect((await env.api(list)).status).toBe(200);
  });

  it("performs the write before failing a POST with 500 (statusAfterWrite)", async () => {
    const env = testSim();
    env.sim.control.addFault({
      path: "crm/Accounts",
      method: "POST",
      action: "statusAfterWrite",
      status: 500,
      times: 1,
    });
    const before = env.sim.control.accounts(DIVISION).length;
    const response = await env.api(`/api/v1/${DIVISION}/crm/Accounts`, create("Toch aangemaakt"));
    expect(response.status).toBe(500);
    expect(env.sim.control.accounts(DIVISION).length).toBe(before + 1);
    expect(env.sim.control.accounts(DIVISION).some((a) => a.Name === "Toch aangemaakt")).toBe(true);
  });

  it("performs the write before dropping the connection (dropAfterWrite)", async () => {
    const env = testSim();
    env.sim.control.addFault({ path: "crm/Accounts", method: "POST", action: "dropAfterWrite", times: 1 });
    await expect(env.api(`/api/v1/${DIVISION}/crm/Accounts`, create("Stil aangemaakt"))).rejects.toThrow();
    expect(env.sim.control.accounts(DIVISION).some((a) => a.Name === "Stil aangemaakt")).toBe(true);
  });

  it("injects 429 bursts with minutely headers", async () => {
    const env = testSim();
    env.sim.control.addFault({ path: "*", action: "rateLimit", times: 3 });
    const responses = await Promise.all([env.api(list), env.api(list), env.api(list), env.api(list)]);
    expect(responses.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect(responses[0]!.headers.get("X-RateLimit-Minutely-Remaining")).toBe("0");
    expect(env.sim.calls.summary().rateLimited).toBe(3);
  });

  it("draws probabilistic faults from a seeded PRNG: the same seed gives the same sequence", async () => {
    const run = async () => {
      const env = testSim();
      env.sim.control.addFault({ path: "crm/Accounts", action: "status", status: 500, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await env.api(list)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it("adds latency", async () => {
    const env = testSim();
    env.sim.control.addFault({ path: "crm/Accounts", latencyMs: 30 });
    const started = performance.now();
    const body: Json = await env.json(list);
    expect(body.d.results).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("applies to the token endpoint too", async () => {
    const env = testSim();
    env.sim.control.addFault({ path: "oauth2/token", action: "status", status: 503, times: 1 });
    const response = await env.form("/api/oauth2/token", { grant_type: "refresh_token" });
    expect(response.status).toBe(503);
  });
});
