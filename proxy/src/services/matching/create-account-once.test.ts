import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { afterEach, describe, expect, it } from "vitest";
import { readClaim } from "../../db/creation-claims";
import { accountCreations } from "../../db/schema";
import { errorOf, jsonOf } from "../../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../../testing/linking-fixture";
import { CLAIM_LEASE_MS, NO_ANSWER_SETTLE_MS } from "./create-account-once";

let fixture: LinkingFixture;
afterEach(async () => fixture?.close());

async function start() {
  fixture = await startLinkingFixture({ customers: { "6006": { name: "Newco BV", country: "BE" } } });
  return fixture;
}

const createIt = (f: LinkingFixture) =>
  f.integration("POST", `/v1/divisions/${f.division}/customers/6006/match`, { create: true });
const accountsNumbered = (f: LinkingFixture, number: string) =>
  f.harness.sim.control.accounts(f.division).filter((account) => account.SearchCode === number);
const exactCalls = (f: LinkingFixture) =>
  f.exactCalls().map((call) => `${call.method} ${call.endpoint} ${call.status}`);
const claimOf = (f: LinkingFixture) =>
  readClaim(f.harness.deps.db, { tenantId: f.tenant.tenantId, division: f.division, customerNumber: "6006" });

describe("creating an Exact customer exactly once", () => {
  it("takes over a claim whose holder died, finds the account it created by SearchCode, and links it", async () => {
    const f = await start();
    // The holder posted, Exact created the account, and the holder died before its commit.
    const orphan = f.harness.sim.control.insertAccount(f.division, {
      Name: "Newco BV",
      SearchCode: "6006",
      Status: "C",
    });
    const now = f.harness.clock.now();
    await f.harness.deps.db.insert(accountCreations).values({
      tenantId: f.tenant.tenantId,
      division: f.division,
      customerNumber: "6006",
      state: "creating",
      owner: "a process that died",
      leaseUntil: now - 1,
      startedAt: now - CLAIM_LEASE_MS,
    });
    f.harness.sim.control.resetCalls();

    const result = await jsonOf<MatchResult>(await createIt(f));
    expect(result).toMatchObject({
      outcome: "create",
      performed: "created",
      exactAccount: { id: orphan.ID.toLowerCase() },
      link: { method: "created" },
    });
    expect(result.reasons.map((reason) => reason.code)).toContain("recovered");
    expect(exactCalls(f)).toEqual(["GET crm/Accounts 200"]);
    expect(accountsNumbered(f, "6006")).toHaveLength(1);
    expect(await claimOf(f)).toMatchObject({ state: "created", exactId: orphan.ID.toLowerCase() });
  });

  it("after a 5xx that came after the write, looks the SearchCode up and links what Exact created", async () => {
    const f = await start();
    f.harness.sim.control.addFault({
      method: "POST",
      path: "crm/Accounts",
      action: "statusAfterWrite",
      status: 500,
      times: 1,
    });
    const result = await jsonOf<MatchResult>(await createIt(f));
    expect(result).toMatchObject({ performed: "created", link: { customerNumber: "6006" } });
    expect(result.reasons.map((reason) => reason.code)).toContain("recovered");
    expect(exactCalls(f)).toEqual(["POST crm/Accounts 500", "GET crm/Accounts 200"]);
    expect(accountsNumbered(f, "6006")).toHaveLength(1);
  });

  it("after a 5xx without a write, drops the claim so that the next call creates it", async () => {
    const f = await start();
    f.harness.sim.control.addFault({
      method: "POST",
      path: "crm/Accounts",
      action: "status",
      status: 503,
      times: 1,
    });
    const failed = await createIt(f);
    expect(failed.status).toBe(502);
    expect(await claimOf(f)).toBeUndefined();
    expect(accountsNumbered(f, "6006")).toHaveLength(0);

    const result = await jsonOf<MatchResult>(await createIt(f));
    expect(result).toMatchObject({ performed: "created" });
    expect(result.reasons.map((reason) => reason.code)).toContain("created");
    expect(accountsNumbered(f, "6006")).toHaveLength(1);
  });

  it("after no answer at all, keeps the claim; a retry once it settled finds the account instead of posting", async () => {
    const f = await start();
    f.harness.sim.control.addFault({
      method: "POST",
      path: "crm/Accounts",
      action: "dropAfterWrite",
      times: 1,
    });
    const failed = await createIt(f);
    expect(failed.status).toBe(502);
    expect((await errorOf(failed)).message).toContain("never created twice");
    expect(await claimOf(f)).toMatchObject({ state: "creating" });

    f.harness.clock.advance(NO_ANSWER_SETTLE_MS + 1_000);
    const result = await jsonOf<MatchResult>(await createIt(f));
    expect(result).toMatchObject({ performed: "created", link: { customerNumber: "6006" } });
    expect(result.reasons.map((reason) => reason.code)).toContain("recovered");
    expect(exactCalls(f)).toEqual(["POST crm/Accounts 0", "GET crm/Accounts 200"]);
    expect(accountsNumbered(f, "6006")).toHaveLength(1);
  });

  it("creates again after a person unlinked the account it created", async () => {
    const f = await start();
    const first = await jsonOf<MatchResult>(await createIt(f));
    const firstId = first.exactAccount?.id ?? "";
    f.harness.sim.control.deleteAccount(f.division, firstId);
    await f.bookkeeper("DELETE", `/v1/divisions/${f.division}/accounts/${firstId}/link`);
    await f.integration("POST", `/v1/divisions/${f.division}/sync?wait=true`);

    const second = await jsonOf<MatchResult>(await createIt(f));
    expect(second).toMatchObject({ outcome: "create", performed: "created" });
    expect(second.exactAccount?.id).not.toBe(firstId);
  });
});
