import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { afterEach, describe, expect, it } from "vitest";
import { readCustomer } from "../../db/customer-store";
import { holdStatements, readsWholeDivision } from "../../testing/held-statements";
import { jsonOf } from "../../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../../testing/linking-fixture";
import { countStatements } from "../../testing/statement-count";
import { syncDivision } from "../mirror/sync-division";
import { divisionView, divisionViewIfBuilt } from "../overview/division-view";
import { decideForCustomer } from "./decide-for-customer";
import { explainDuplicates } from "./explain-duplicates";
import { nextTurn } from "./kept-in-step";
import { matchView } from "./match-view";
import { forgetMirrorIndex } from "./mirror-index";

let fixture: LinkingFixture;
const folders: string[] = [];
afterEach(async () => {
  await fixture?.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const CUSTOMERS = ["1001", "2002", "3003", "4004", "5005", "7007", "8008", "9009"];

/** Every kind of decision: match by VAT and by SearchCode, linked, stale, a VAT group, a prospect, nothing. */
async function start(databaseUrl?: string) {
  fixture = await startLinkingFixture({
    ...(databaseUrl ? { databaseUrl } : {}),
    accounts: [
      { Name: "Acme NV", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE" },
      { Name: "Beta BV", Status: "C", IsSales: true, SearchCode: "2002" },
      { Name: "Gamma Prospect", Status: "P", VATNumber: "BE1000000120" },
      { Name: "Delta Groep", Status: "C", IsSales: true, VATNumber: "BE1020304002" },
      { Name: "Delta Groep Gent", Status: "C", IsSales: true, VATNumber: "BE 1020.304.002" },
      { Name: "Linked Co", Status: "C", IsSales: true },
      { Name: "Gone Co", Status: "C", IsSales: true, SearchCode: "5005" },
      { Name: "Acme Trading", Status: "C", IsSales: true },
    ],
    customers: {
      "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
      "2002": { name: "Beta", country: "BE" },
      "3003": { name: "Acme Tradng", country: "BE" },
      "4004": { name: "Linked Co", country: "BE" },
      "5005": { name: "Gone Co", country: "BE" },
      "7007": { name: "Gamma", vatNumber: "BE1000000120", country: "BE" },
      "8008": { name: "Delta", vatNumber: "BE1020304002", country: "BE" },
      "9009": { name: "Unrelated Ltd", country: "GB" },
    },
  });
  const f = fixture;
  for (const [index, number] of [
    [5, "4004"],
    [6, "5005"],
  ] as const) {
    const linked = await f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/${f.ids[index]}/link`, {
      customerNumber: number,
    });
    expect(linked.status).toBe(200);
  }
  // Gone Co leaves Exact: its link goes stale.
  f.harness.sim.control.deleteAccount(f.division, f.ids[6]!);
  await syncDivision(f.harness.deps, { tenantId: f.tenant.tenantId, division: f.division });
  f.harness.sim.control.resetCalls();
  return f;
}

/** The division's in-memory view, built now (a request would otherwise start its build and not wait for it). */
async function built(f: LinkingFixture) {
  await divisionView(f.harness.deps, { tenantId: f.tenant.tenantId, division: f.division });
}

async function fromDatabase(f: LinkingFixture, number: string): Promise<MatchResult> {
  const scope = { tenantId: f.tenant.tenantId, division: f.division };
  const customer = await readCustomer(f.harness.deps.db, f.tenant.tenantId, number);
  const decided = await decideForCustomer(f.harness.deps, scope, customer!);
  return explainDuplicates(f.harness.deps, scope, matchView({ ...decided, performed: "none" }));
}

describe("POST …/customers/{number}/match {create:false}", () => {
  it("answers from the in-memory view what the decision read from the database answers", async () => {
    const f = await start();
    await built(f);
    const outcomes = new Set<string>();
    for (const number of CUSTOMERS) {
      const preview = await jsonOf<MatchResult>(
        await f.integration("POST", `/v1/divisions/${f.division}/customers/${number}/match`, {
          create: false,
        }),
      );
      expect(preview, `customer ${number}`).toEqual(await fromDatabase(f, number));
      outcomes.add(preview.outcome);
    }
    expect([...outcomes].sort()).toEqual(["ambiguous", "create", "linked", "match", "review", "stale"]);
    expect(f.exactCalls()).toEqual([]);
  });

  it("costs one read once the view is current, and sees a customer changed meanwhile", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/customers/2002/match`;
    await built(f);
    f.harness.clock.advance(11_000);
    await f.integration("POST", path, { create: false });
    const statements = countStatements(f.harness.database);
    for (let i = 0; i < 5; i++) {
      expect((await jsonOf<MatchResult>(await f.integration("POST", path, { create: false }))).outcome).toBe(
        "match",
      );
    }
    // One read each, and the token's revocation check once a second of the (real-time) clock.
    expect(statements()).toBeGreaterThanOrEqual(5);
    expect(statements()).toBeLessThanOrEqual(7);

    await f.integration("PUT", "/v1/customers/2002", {
      name: "Beta",
      vatNumber: "BE0407186105",
      country: "BE",
    });
    const changed = await jsonOf<MatchResult>(await f.integration("POST", path, { create: false }));
    expect(changed).toEqual(await fromDatabase(f, "2002"));
    expect(changed.outcome).not.toBe("match");
  });

  it("answers from the database while the division's view is still being built, without waiting for it", async () => {
    const folder = mkdtempSync(join(tmpdir(), "zfx-preview-"));
    folders.push(folder);
    const f = await start(`file:${join(folder, "proxy.db")}`);
    const scope = { tenantId: f.tenant.tenantId, division: f.division };
    // As on a replica just started, or after an eviction: the division's accounts are not in memory.
    forgetMirrorIndex(f.harness.deps, scope);
    const build = holdStatements(f.harness.database, readsWholeDivision);
    // Decided by identifiers alone: match by VAT and by SearchCode, linked, stale, a prospect, a VAT group.
    const IDENTIFIED = ["1001", "2002", "4004", "5005", "7007", "8008"];
    const previews = new Map<string, MatchResult>();
    try {
      for (const number of IDENTIFIED) {
        const preview = await f.integration("POST", `/v1/divisions/${f.division}/customers/${number}/match`, {
          create: false,
        });
        previews.set(number, await jsonOf<MatchResult>(preview));
      }
      // The build was started by the first request, once answered, and is still held back.
      await nextTurn();
      expect(build.held()).toBe(1);
      expect(await divisionViewIfBuilt(f.harness.deps, scope)).toBeUndefined();
    } finally {
      build.release();
    }
    await built(f);
    for (const number of IDENTIFIED) {
      expect(previews.get(number), `customer ${number}`).toEqual(await fromDatabase(f, number));
    }
    expect(await divisionViewIfBuilt(f.harness.deps, scope)).toBeDefined();
    expect(f.exactCalls()).toEqual([]);
  });
});
