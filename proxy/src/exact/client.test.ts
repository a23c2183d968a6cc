import { type ControllableClock, createAcceleratedClock } from "@zapfloor-exact/exact-sim";
import { afterEach, describe, expect, it } from "vitest";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";
import { createExactHttp } from "./http";
import { accountFields, exactAccount } from "./schemas";

const DIVISION = 7_000_002;
let harness: SimHarness;
afterEach(async () => harness?.close());

async function connected(options: Parameters<typeof startSimHarness>[0] = {}) {
  harness = await startSimHarness(options);
  harness.sim.control.addDivision({ code: DIVISION, name: "Client test B.V.", accounts: 120, country: "NL" });
  const { tenantId } = await harness.connectTenant();
  harness.sim.calls.reset();
  return harness.deps.exact.client.division(tenantId, DIVISION);
}

/** The clock, with every wait asked of it recorded: the backoff, whatever the machine's speed. */
function recordingSleeps(base: ControllableClock) {
  const sleeps: number[] = [];
  const clock: ControllableClock = {
    ...base,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return base.sleep(ms, signal);
    },
  };
  return { clock, sleeps };
}

const oneAccount = (id: string) => ({ select: accountFields, filter: `ID eq guid'${id}'` });

/** The simulator's `$top` answers: as the recordings show (bare only without `$select`), or bare for every one. */
const TOP_SHAPES = [
  ["as recorded, with $select: d.results", {}],
  ["a bare array for every $top query", { odata: { topBareArray: true } }],
] as const;

describe("the Exact client against the simulator", () => {
  it("spreads a burst of 500 calls to respect 60 per minute, receiving zero 429s", async () => {
    // 60 times real time: seven simulated minutes in seven seconds. Faster, a call held up by a busy machine can
    // reach the simulator a simulated minute after the client counted it, and the minute it lands in overflows.
    const clock = createAcceleratedClock({ speed: 60 });
    const api = await connected({ clock });
    const id = harness.sim.control.accounts(DIVISION)[0]!.ID;
    const started = clock.now();

    // On a clock this fast a call slowed down by a busy machine may reach Exact after its token's 600 s.
    const results = await harness.sim.calls.expectClientErrors(() =>
      Promise.all(Array.from({ length: 500 }, () => api.list("crm/Accounts", oneAccount(id), exactAccount))),
    );

    expect(results.every((rows) => rows.length === 1)).toBe(true);
    const calls = harness.sim.calls.entries({ division: DIVISION });
    expect(calls.filter((call) => call.status === 200)).toHaveLength(500);
    expect(harness.sim.calls.summary().rateLimited).toBe(0);
    // On a clock 60 times faster than real time, a call slowed down by a busy machine can reach Exact after its
    // token's 600 s: that is one 401, one refresh and one retry, never a 429.
    expect(calls.filter((call) => call.status !== 200).every((call) => call.status === 401)).toBe(true);
    const perMinute = new Map<number, number>();
    for (const call of calls)
      perMinute.set(Math.floor(call.at / 60_000), (perMinute.get(Math.floor(call.at / 60_000)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(60);
    expect(clock.now() - started).toBeGreaterThanOrEqual(7 * 60_000);
  }, 60_000);

  it("follows __next one page at a time through a listing of 120 rows (60 per page)", async () => {
    const api = await connected();
    const rows = await api.list(
      "crm/Accounts",
      { select: accountFields, filter: "Status ne 'X'" },
      exactAccount,
    );
    expect(rows).toHaveLength(harness.sim.control.accounts(DIVISION).length);
    expect(harness.sim.calls.count({ division: DIVISION })).toBe(Math.ceil(rows.length / 60));
  });

  it("retries a GET through injected 5xx answers and dropped connections, then succeeds", async () => {
    const api = await connected({ clock: createAcceleratedClock({ speed: 100 }) });
    const id = harness.sim.control.accounts(DIVISION)[0]!.ID;
    harness.sim.control.addFault({ path: "crm/Accounts", action: "status", status: 503, times: 2 });
    harness.sim.control.addFault({ path: "crm/Accounts", action: "drop", times: 1 });

    const rows = await api.list("crm/Accounts", oneAccount(id), exactAccount);

    expect(rows).toHaveLength(1);
    expect(api.calls).toBe(4);
  });

  it("gives up after capped retries and reports the failure as upstream and transient", async () => {
    const { clock, sleeps } = recordingSleeps(createAcceleratedClock({ speed: 100 }));
    const api = await connected({ clock });
    harness.sim.control.addFault({ path: "crm/Accounts", action: "status", status: 502 });

    await expect(
      api.list("crm/Accounts", oneAccount("00000000-0000-0000-0000-000000000001"), exactAccount),
    ).rejects.toMatchObject({
      code: "upstream",
      facts: { exactStatus: 502, transient: true },
    });
    expect(api.calls).toBe(5);
    // Exponential backoff between the five attempts, and capped.
    expect(sleeps).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it("times out a call that Exact does not answer, retries it, and reports it", async () => {
    const api = await connected({
      clock: createAcceleratedClock({ speed: 100 }),
      exact: { http: createExactHttp({ timeoutMs: 150 }) },
    });
    harness.sim.control.addFault({ path: "crm/Accounts", latencyMs: 1_000 });

    await expect(
      api.list("crm/Accounts", oneAccount("00000000-0000-0000-0000-000000000001"), exactAccount),
    ).rejects.toMatchObject({
      code: "upstream",
      facts: { exactStatus: "no_answer", transient: true },
    });
    expect(api.calls).toBe(5);
  });

  it("never retries a POST whose answer was lost: Exact may have carried it out", async () => {
    const api = await connected();
    harness.sim.control.addFault({
      method: "POST",
      path: "crm/Accounts",
      action: "statusAfterWrite",
      status: 503,
    });
    const before = harness.sim.control.accounts(DIVISION).length;

    await expect(
      api.create("crm/Accounts", { Name: "Once Only BV", Status: "C", SearchCode: "9001" }, exactAccount),
    ).rejects.toMatchObject({ code: "upstream", facts: { transient: true } });

    expect(api.calls).toBe(1);
    expect(harness.sim.control.accounts(DIVISION).length).toBe(before + 1);
  });

  it("does not retry a business refusal", async () => {
    const api = await connected();
    const existing = harness.sim.control.accounts(DIVISION)[0]!;
    await expect(
      api.create("crm/Accounts", { Name: "Duplicate BV", Code: existing.Code, Status: "C" }, exactAccount),
    ).rejects.toMatchObject({ code: "upstream", facts: { business: true } });
    expect(api.calls).toBe(1);
  });

  it.each(TOP_SHAPES)(
    "reads one record by a key filter (%s): 200 with an empty list for a missing one, never a 404",
    async (_, odata) => {
      const api = await connected({ sim: odata });
      const existing = harness.sim.control.accounts(DIVISION)[0]!;
      const query = (id: string) => ({ select: accountFields, filter: `ID eq guid'${id}'` });

      expect((await api.findOne("crm/Accounts", query(existing.ID), exactAccount))?.ID).toBe(existing.ID);
      expect(
        await api.findOne("crm/Accounts", query("00000000-0000-0000-0000-000000000001"), exactAccount),
      ).toBeUndefined();
      expect(harness.sim.calls.entries({ division: DIVISION }).map((call) => call.status)).toEqual([
        200, 200,
      ]);
    },
  );

  it.each(TOP_SHAPES)(
    "counts a listing in one call without $top, whose answer may be a bare array without __count (%s)",
    async (_, odata) => {
      const api = await connected({ sim: odata });
      const customers = harness.sim.control.accounts(DIVISION).filter((a) => a.Status === "C").length;

      expect(await api.count("crm/Accounts", { select: ["ID"], filter: "Status eq 'C'" })).toBe(customers);
      expect(api.calls).toBe(1);
    },
  );

  it("backs off exponentially, capped, on a 429 without rate-limit headers (Exact's error block)", async () => {
    const { clock, sleeps } = recordingSleeps(createAcceleratedClock({ speed: 100 }));
    const api = await connected({ clock, sim: { errorBlock: { threshold: 0 } } });
    const missing = "crm/Accounts(guid'00000000-0000-0000-0000-000000000001')";
    await harness.sim.calls.expectClientErrors(() => expect(api.remove(missing)).rejects.toThrow());
    sleeps.length = 0;

    await expect(api.update(missing, { Name: "Blocked BV" })).rejects.toMatchObject({
      facts: { exactStatus: 429 },
    });
    expect(harness.sim.calls.count({ status: 429 })).toBe(5);
    expect(sleeps).toEqual([500, 1_000, 2_000, 4_000]);
  });
});
