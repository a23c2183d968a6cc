import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { divisionSync, exactAccounts } from "../../db/schema";
import { type SimHarness, startSimHarness } from "../../testing/sim-harness";
import { syncDivision } from "./sync-division";

const DIVISION = 7_000_001;
let harness: SimHarness;
afterEach(async () => harness?.close());

async function harnessWithDivision(accounts: number) {
  harness = await startSimHarness();
  harness.sim.control.addDivision({ code: DIVISION, name: "Mirror test B.V.", accounts, country: "NL" });
  const { tenantId } = await harness.connectTenant();
  return { tenantId, scope: { tenantId, division: DIVISION } };
}

async function mirrored(tenantId: string, deleted = false) {
  const [row] = await harness.deps.db
    .select({ n: count() })
    .from(exactAccounts)
    .where(
      and(
        eq(exactAccounts.tenantId, tenantId),
        eq(exactAccounts.division, DIVISION),
        deleted ? isNotNull(exactAccounts.deletedAt) : isNull(exactAccounts.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

async function lastFailure() {
  const [row] = await harness.deps.db
    .select({ lastError: divisionSync.lastError, lastErrorReason: divisionSync.lastErrorReason })
    .from(divisionSync)
    .where(eq(divisionSync.division, DIVISION));
  return row;
}

describe("the account mirror against the simulator", () => {
  it("loads a 10,000-account division through sync/CRM/Accounts in ⌈10,000 / 1000⌉ + 1 calls, none of them a 4xx", async () => {
    const { tenantId, scope } = await harnessWithDivision(10_000);
    harness.sim.calls.reset();

    const result = await syncDivision(harness.deps, { ...scope });

    expect(result).toMatchObject({ status: "completed", kind: "full", changed: 10_000 });
    expect(await mirrored(tenantId)).toBe(10_000);
    const calls = harness.sim.calls.count({ division: DIVISION });
    expect(result.status === "completed" && result.calls).toBe(calls);
    expect(calls).toBe(10 + 1);
    expect(harness.sim.calls.count({ endpoint: "sync/CRM/Accounts" })).toBe(10);
    expect(harness.sim.calls.count({ endpoint: "sync/Deleted" })).toBe(1);
    // Exact's SyncTimestamp function does not serve Accounts: asking it would be a 4xx toward the error block.
    expect(harness.sim.calls.entries({ statusClass: "4xx" })).toEqual([]);
  }, 60_000);

  it("costs at most 2 calls for an incremental sync with no changes", async () => {
    const { scope } = await harnessWithDivision(1_500);
    await syncDivision(harness.deps, { ...scope });
    harness.sim.calls.reset();

    const result = await syncDivision(harness.deps, { ...scope });

    expect(result).toMatchObject({ status: "completed", kind: "incremental", changed: 0, deleted: 0 });
    expect(harness.sim.calls.count({ division: DIVISION })).toBeLessThanOrEqual(2);
  });

  it("picks up created, changed and deleted accounts incrementally, without missing what changed during the load", async () => {
    const { tenantId, scope } = await harnessWithDivision(300);
    await syncDivision(harness.deps, { ...scope });
    const [first, second] = harness.sim.control.accounts(DIVISION);
    harness.sim.control.updateAccount(DIVISION, first!.ID, { Name: "Renamed Holding B.V." });
    harness.sim.control.deleteAccount(DIVISION, second!.ID);
    harness.sim.control.insertAccount(DIVISION, { Name: "Newcomer NV", Status: "C", SearchCode: "4711" });

    const result = await syncDivision(harness.deps, { ...scope });

    expect(result).toMatchObject({ kind: "incremental", changed: 2, deleted: 1 });
    expect(await mirrored(tenantId)).toBe(300);
    expect(await mirrored(tenantId, true)).toBe(1);
    const [renamed] = await harness.deps.db
      .select()
      .from(exactAccounts)
      .where(eq(exactAccounts.id, first!.ID));
    expect(renamed?.name).toBe("Renamed Holding B.V.");
    const [created] = await harness.deps.db
      .select()
      .from(exactAccounts)
      .where(eq(exactAccounts.searchCodeKey, "4711"));
    expect(created?.name).toBe("Newcomer NV");
  });

  it("keeps the stored marks when a pass fails, so the next pass redoes it", async () => {
    const { scope } = await harnessWithDivision(2_500);
    await syncDivision(harness.deps, { ...scope });
    harness.sim.control.insertAccount(DIVISION, { Name: "Late Arrival BV", Status: "C" });
    harness.sim.control.addFault({ path: "sync/Deleted", action: "status", status: 500 });

    await expect(syncDivision(harness.deps, { ...scope })).rejects.toMatchObject({ code: "upstream" });
    // The failure is kept by reason too, for the options page to say it in the reader's language.
    expect(await lastFailure()).toEqual({
      lastError: "Exact Online failed (HTTP 500).",
      lastErrorReason: { reason: "exact_failed", params: { status: "500" } },
    });
    harness.sim.control.clearFaults();
    const retried = await syncDivision(harness.deps, { ...scope });

    expect(retried).toMatchObject({ kind: "incremental", changed: 1 });
    expect(await lastFailure()).toEqual({ lastError: null, lastErrorReason: null });
  });

  it("refuses a second sync of the same division while one runs", async () => {
    const { scope } = await harnessWithDivision(3_000);
    harness.sim.control.addFault({ path: "sync/CRM/Accounts", latencyMs: 200 });
    const [one, two] = await Promise.all([
      syncDivision(harness.deps, { ...scope }),
      syncDivision(harness.deps, { ...scope }),
    ]);
    expect([one.status, two.status].sort()).toEqual(["already_running", "completed"]);
  });
});
