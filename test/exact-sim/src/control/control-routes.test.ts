import { describe, expect, it } from "vitest";
import { DIVISION, type Json, ORIGIN, request, type TestResponse, testSim } from "../testing/test-sim";

const control = (
  env: ReturnType<typeof testSim>,
  method: string,
  path: string,
  body?: unknown,
): Promise<TestResponse> =>
  request(env.sim, `${ORIGIN}/__sim${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("HTTP control API", () => {
  it("creates, updates and deletes accounts without touching the call log or rate limits", async () => {
    const env = testSim();
    const created = await control(env, "POST", `/divisions/${DIVISION}/accounts`, {
      Name: "Via control",
      Code: "555",
      VATNumber: "NL1",
    });
    expect(created.status).toBe(201);
    const account: Json = await created.json();
    expect(account.Code).toBe("               555");
    const updated: Json = await (
      await control(env, "PATCH", `/divisions/${DIVISION}/accounts/${account.ID}`, {
        Name: "Hernoemd",
        Code: "555",
      })
    ).json();
    expect(updated.Name).toBe("Hernoemd");
    const duplicate = await control(env, "POST", `/divisions/${DIVISION}/accounts`, {
      Name: "Dubbel",
      Code: "555",
    });
    expect(duplicate.status).toBe(422);
    expect((await control(env, "DELETE", `/divisions/${DIVISION}/accounts/${account.ID}`)).status).toBe(200);
    expect(env.sim.calls.summary().total).toBe(0);
    const deleted: Json = await env.json(
      `/api/v1/${DIVISION}/sync/Deleted?$select=EntityKey&$filter=EntityType%20eq%202`,
    );
    expect(deleted.d.results.map((r: Json) => r.EntityKey)).toEqual([account.ID]);
  });

  it("reads and resets the call log and summary", async () => {
    const env = testSim();
    await env.api(`/api/v1/${DIVISION}/crm/Accounts?$select=ID&$top=1`);
    await env.api(`/api/v1/${DIVISION}/crm/Nope`);
    const summary: Json = await (await control(env, "GET", "/calls/summary")).json();
    expect(summary).toMatchObject({
      total: 2,
      clientErrors: 1,
      byEndpoint: { "GET crm/Accounts": 1, "GET crm/Nope": 1 },
    });
    expect(summary.byDivision[DIVISION]).toBe(2);
    const calls: Json = await (await control(env, "GET", `/calls?endpoint=crm/Accounts&status=200`)).json();
    expect(calls.count).toBe(1);
    await control(env, "DELETE", "/calls");
    expect(((await (await control(env, "GET", "/calls/summary")).json()) as Json).total).toBe(0);
  });

  it("advances the clock, manages faults and expires tokens", async () => {
    const env = testSim();
    const before = env.clock.now();
    const advanced: Json = await (await control(env, "POST", "/clock/advance", { ms: 5000 })).json();
    expect(advanced.now).toBe(before + 5000);
    const fault: Json = await (
      await control(env, "POST", "/faults", { path: "crm/Accounts", action: "status", status: 502 })
    ).json();
    expect((await env.api(`/api/v1/${DIVISION}/crm/Accounts?$select=ID`)).status).toBe(502);
    await control(env, "DELETE", `/faults/${fault.id}`);
    expect((await env.api(`/api/v1/${DIVISION}/crm/Accounts?$select=ID`)).status).toBe(200);
    expect((await control(env, "POST", "/faults", { path: "x" })).status).toBe(400);
    const expired: Json = await (await control(env, "POST", "/tokens/expire-access", {})).json();
    expect(expired.expired).toBe(1);
    expect((await env.api(`/api/v1/${DIVISION}/crm/Accounts?$select=ID`)).status).toBe(401);
    const grants: Json = await (await control(env, "GET", "/tokens")).json();
    expect(grants.grants[0].accessTokens[0].expired).toBe(true);
  });

  it("reseeds divisions of a requested size and sets the consent behaviour", async () => {
    const env = testSim();
    const seeded: Json = await (
      await control(env, "POST", "/seed", {
        seed: 9,
        divisions: [{ code: 42, name: "Klein", accounts: 12, country: "BE" }],
      })
    ).json();
    expect(seeded.divisions).toEqual([
      expect.objectContaining({ code: 42, accounts: 12, host: "start.exactonline.be" }),
    ]);
    expect((await control(env, "PUT", "/consent", { mode: "page" })).status).toBe(200);
    expect(env.sim.control.consent()).toEqual({ mode: "page" });
    expect((await control(env, "PUT", "/consent", { mode: "sometimes" })).status).toBe(400);
  });
});
