import { type ControllableClock, createAcceleratedClock } from "@zapfloor-exact/exact-sim";
import { afterEach, describe, expect, it } from "vitest";
import { budgetKey } from "../exact/rate-budget";
import { updateAccountFields } from "../exact/resources/accounts";
import { errorOf, jsonOf } from "../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../testing/linking-fixture";

// Exact allows 60 calls a minute per division, shared by every tenant and process. When they are spent, a
// person's write would wait for the next minute longer than the extension waits for an answer: it is refused at
// once with when to come back, and nothing is changed. Background work keeps waiting for its turn.

let fixture: LinkingFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function setUp() {
  fixture = await startLinkingFixture({
    // Ten seconds into a minute, so the mirror, synced as the fixture starts, is still under a minute old when a
    // test moves to the next minute: an older one would be synced first, its reads waiting for that minute's calls.
    clock: createAcceleratedClock({ speed: 1, startAt: Date.UTC(2026, 11, 7, 9, 0, 10) }),
    accounts: [{ Name: "Acme NV", Status: "C", VATNumber: "BE0407186105" }],
    customers: {
      "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
      "2002": { name: "Nieuwe Klant BV", country: "BE" },
    },
  });
  const f = fixture;
  const clock = f.harness.deps.clock as ControllableClock;
  const { budget, app } = f.harness.deps.exact;
  /** Early in a minute (past the budget's second of slack), other tenants' and processes' calls take all 60. */
  const spendMinute = async () => {
    clock.set(Math.ceil(clock.now() / 60_000) * 60_000 + 2_000);
    for (let i = 0; i < 60; i++) await budget.acquire(budgetKey(app.clientId, f.division));
  };
  const linkPath = `/v1/divisions/${f.division}/accounts/${f.ids[0]}/link`;
  return { f, clock, spendMinute, linkPath };
}

describe("a person's write when this minute's Exact calls are spent", () => {
  it("is answered 429 exact_minute_used at once with Retry-After, changes nothing, and goes through next minute", async () => {
    const { f, clock, spendMinute, linkPath } = await setUp();
    await spendMinute();

    const asked = Date.now();
    const refused = await f.bookkeeper("PUT", linkPath, { customerNumber: "1001" });
    expect(Date.now() - asked).toBeLessThan(4_000);
    expect(refused.status).toBe(429);
    const error = await errorOf(refused);
    expect(error).toMatchObject({ code: "rate_limited", reason: "exact_minute_used" });
    // The next minute, and the budget's second of slack for clocks that differ.
    expect(Number(error.params?.seconds)).toBeGreaterThan(50);
    expect(Number(error.params?.seconds)).toBeLessThanOrEqual(59);
    expect(refused.headers.get("retry-after")).toBe(error.params?.seconds);
    expect(f.exactCalls()).toEqual([]);
    const account = await jsonOf<{ link: unknown }>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[0]}`),
    );
    expect(account.link).toBeNull();

    clock.advance(61_000);
    const linked = await f.bookkeeper("PUT", linkPath, { customerNumber: "1001" });
    expect(linked.status).toBe(200);
    expect(f.exactCalls()).toEqual([expect.objectContaining({ method: "PUT" })]);
  });

  it("is refused the same way when Exact itself answers 429 for this minute, and the write was never carried out", async () => {
    const { f, clock, linkPath } = await setUp();
    clock.set(Math.ceil(clock.now() / 60_000) * 60_000 + 2_000);
    f.harness.sim.control.addFault({ method: "PUT", path: "crm/Accounts*", action: "rateLimit", times: 1 });

    const asked = Date.now();
    const refused = await f.bookkeeper("PUT", linkPath, { customerNumber: "1001" });
    expect(Date.now() - asked).toBeLessThan(4_000);
    expect([refused.status, (await errorOf(refused)).reason]).toEqual([429, "exact_minute_used"]);
    expect(f.harness.sim.control.account(f.division, f.ids[0]!)?.SearchCode ?? "").toBe("");

    clock.advance(60_000);
    expect((await f.bookkeeper("PUT", linkPath, { customerNumber: "1001" })).status).toBe(200);
  });

  it("refuses an integration's create the same way and creates it once next minute", async () => {
    const { f, clock, spendMinute } = await setUp();
    await spendMinute();
    const match = () =>
      f.integration("POST", `/v1/divisions/${f.division}/customers/2002/match`, { create: true });

    const refused = await match();
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).reason).toBe("exact_minute_used");
    expect(f.exactCalls().filter((call) => call.method === "POST")).toEqual([]);

    // Nothing was claimed for it: the creation is not held back as if it might have reached Exact.
    clock.advance(61_000);
    const created = await match();
    expect(created.status).toBe(200);
    expect(await jsonOf(created)).toMatchObject({ outcome: "create", performed: "created" });
    expect(f.exactCalls().filter((call) => call.method === "POST")).toHaveLength(1);
  });

  it("lets background work wait for the next minute instead", async () => {
    const { f, clock, spendMinute } = await setUp();
    await spendMinute();
    const api = f.harness.deps.exact.client.division(f.tenant.tenantId, f.division);
    let done = false;
    const write = updateAccountFields(api, f.ids[0]!, { SearchCode: "1001" }).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    expect(f.exactCalls()).toEqual([]);

    clock.advance(61_000);
    await write;
    expect(f.exactCalls()).toEqual([expect.objectContaining({ method: "PUT" })]);
  });
});
