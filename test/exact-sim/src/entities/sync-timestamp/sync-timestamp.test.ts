import { describe, expect, it } from "vitest";
import { createManualClock } from "../../clock/manual-clock";
import { createExactSimulator } from "../../simulator";

const DIVISION = 4242;

async function setup() {
  const clock = createManualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
  const sim = createExactSimulator({
    clock,
    seed: { seed: 7, divisions: [{ code: DIVISION, name: "Sync", accounts: 5 }] },
  });
  const { access_token: accessToken } = sim.control.issueTokens();
  const get = async (path: string) => {
    const response = await sim.app.request(`http://sim.test/api/v1/${DIVISION}/${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    });
    return {
      status: response.status,
      body: (await response.json()) as { d: { results: Record<string, unknown>[] } },
    };
  };
  const mark = async (endPoint: string, at: string) =>
    Number(
      (await get(`sync/SyncTimestamp?modified=datetime'${at}'&endPoint='${endPoint}'`)).body.d.results[0]!
        .SyncTimestamp,
    );
  return { sim, clock, get, mark };
}

describe("sync/SyncTimestamp", () => {
  it("gives a mark after which the sync endpoint returns exactly what changed since the moment", async () => {
    const { sim, clock, get, mark } = await setup();
    clock.advance(300_000);
    const changed = sim.control.insertAccount(DIVISION, { Name: "Later NV", Status: "C" });
    // The clock started at 14:00 Amsterdam summer time (12:00 UTC); the change came at 14:05.
    const from = await mark("CRM/Accounts", "2026-06-01T14:02:00");
    const { body } = await get(
      `sync/CRM/Accounts?$select=ID,Timestamp&$filter=${encodeURIComponent(`Timestamp gt ${from}L`)}`,
    );
    expect(body.d.results.map((row) => row.ID)).toEqual([changed.ID]);
  });

  it("gives the current high-water mark when nothing changed since the moment", async () => {
    const { sim, mark } = await setup();
    const from = await mark("CRM/Accounts", "2026-06-01T15:00:00");
    expect(from).toBe(sim.state.divisions.get(DIVISION)!.lastTimestamp);
  });

  it("marks deletions too", async () => {
    const { sim, clock, get, mark } = await setup();
    clock.advance(300_000);
    const gone = sim.control.accounts(DIVISION)[0]!;
    sim.control.deleteAccount(DIVISION, gone.ID);
    const from = await mark("Deleted", "2026-06-01T14:02:00");
    const { body } = await get(
      `sync/Deleted?$select=EntityKey,Timestamp&$filter=${encodeURIComponent(`Timestamp gt ${from}L`)}`,
    );
    expect(body.d.results.map((row) => row.EntityKey)).toEqual([gone.ID]);
  });

  it("refuses a missing moment or an unknown endpoint with 400", async () => {
    const { get } = await setup();
    expect((await get("sync/SyncTimestamp?endPoint='CRM/Accounts'")).status).toBe(400);
    expect(
      (await get("sync/SyncTimestamp?modified=datetime'2026-06-01T00:00:00'&endPoint='Nope'")).status,
    ).toBe(400);
  });
});
