import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { divisions } from "../db/schema";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

let harness: SimHarness;
afterEach(async () => harness?.close());

describe("the divisions of a consent", () => {
  it("leaves out archived and blocked divisions: every call to one would be a 403 toward the error block", async () => {
    harness = await startSimHarness();
    for (const code of [7_100_001, 7_100_002, 7_100_003]) {
      harness.sim.control.addDivision({ code, name: `Division ${code}`, accounts: 5, country: "NL" });
    }
    harness.sim.control.setDivisionStatus(7_100_002, { status: 2 });
    harness.sim.control.setDivisionStatus(7_100_003, { blockingStatus: 1 });

    const { tenantId } = await harness.connectTenant();

    const rows = await harness.deps.db.select().from(divisions).where(eq(divisions.tenantId, tenantId));
    const usable = rows.filter((row) => row.accessible).map((row) => row.division);
    expect(usable).toContain(7_100_001);
    expect(usable).not.toContain(7_100_002);
    expect(usable).not.toContain(7_100_003);
    await harness.deps.jobs.idle();
    expect(harness.sim.calls.entries({ division: 7_100_002 })).toEqual([]);
    expect(harness.sim.calls.entries({ division: 7_100_003 })).toEqual([]);
  });
});
