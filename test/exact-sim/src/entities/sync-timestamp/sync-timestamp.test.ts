import { describe, expect, it } from "vitest";
import { createManualClock } from "../../clock/manual-clock";
import { createExactSimulator } from "../../simulator";

const DIVISION = 4242;

function setup() {
  const clock = createManualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
  const sim = createExactSimulator({
    clock,
    seed: { seed: 7, divisions: [{ code: DIVISION, name: "Sync", accounts: 5 }] },
    expectClientErrors: true,
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
  return { sim, get };
}

describe("read/sync/Sync/SyncTimestamp", () => {
  it("answers Modified, API and TimeStampAsBigInt for an endpoint on Exact's list", async () => {
    const { sim, get } = setup();
    const { status, body } = await get(
      "read/sync/Sync/SyncTimestamp?modified=datetime'2026-06-01T14:02:00'&endPoint='SalesInvoices'",
    );
    expect(status).toBe(200);
    expect(body.d.results).toEqual([
      {
        Modified: expect.stringMatching(/^\/Date\(\d+\)\/$/),
        API: "SalesInvoices",
        TimeStampAsBigInt: String(sim.state.divisions.get(DIVISION)!.lastTimestamp),
      },
    ]);
  });

  it("refuses CRM/Accounts and Deleted: they are not on Exact's list of endpoints", async () => {
    const { get } = setup();
    for (const endPoint of ["CRM/Accounts", "Accounts", "Deleted"]) {
      const { status } = await get(
        `read/sync/Sync/SyncTimestamp?modified=datetime'2026-06-01T00:00:00'&endPoint='${endPoint}'`,
      );
      expect(status, endPoint).toBe(400);
    }
  });

  it("refuses a missing moment or a missing endpoint with 400", async () => {
    const { get } = setup();
    expect((await get("read/sync/Sync/SyncTimestamp?endPoint='SalesInvoices'")).status).toBe(400);
    expect((await get("read/sync/Sync/SyncTimestamp?modified=datetime'2026-06-01T00:00:00'")).status).toBe(
      400,
    );
  });

  it("does not exist under the old path sync/SyncTimestamp", async () => {
    const { get } = setup();
    const { status } = await get(
      "sync/SyncTimestamp?modified=datetime'2026-06-01T00:00:00'&endPoint='SalesInvoices'",
    );
    expect(status).toBe(404);
  });
});
