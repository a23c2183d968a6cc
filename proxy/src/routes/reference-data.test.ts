import { afterEach, describe, expect, it } from "vitest";
import { type SalesFixture, SIM_DIVISION, startSalesFixture } from "../services/sales-entries/sim-fixture";
import { jsonRequest } from "../services/sales-entries/testing";
import { errorOf, jsonOf } from "../testing/http";

let fixture: SalesFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const calls = (f: SalesFixture) => f.exactCalls().map((call) => `${call.method} ${call.endpoint}`);

describe("GET /v1/divisions/{division}/reference-data", () => {
  it("lists sales journals, revenue GL accounts (not cost accounts) and sales VAT codes from the cache, and refreshes on request", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    const path = `/v1/divisions/${SIM_DIVISION}/reference-data`;

    const read = await f.harness.app.request(path, jsonRequest("GET", f.tenant.tokens.bookkeeper));
    expect(read.status).toBe(200);
    const data = (await jsonOf(read)) as {
      salesJournals: { code: string }[];
      revenueGlAccounts: { code: string }[];
      salesVatCodes: { code: string; percentage: string | null; type: string | null }[];
      fetchedAt: string;
    };
    expect(calls(f)).toEqual([]);

    const division = f.sim.state.requireDivision(SIM_DIVISION).financial;
    const salesJournals = division.journals.filter((journal) => journal.Type === 20 || journal.Type === 21);
    expect(data.salesJournals.map((journal) => journal.code).sort()).toEqual(
      salesJournals.map((journal) => journal.Code).sort(),
    );
    expect(division.journals.length).toBeGreaterThan(salesJournals.length);
    // Exact's account types 110 revenue, 140 exceptional income and 160 interest income; costs are left out.
    const revenue = division.glAccounts.filter((account) => [110, 140, 160].includes(account.Type));
    expect(data.revenueGlAccounts.map((account) => account.code).sort()).toEqual(
      revenue.map((account) => account.Code).sort(),
    );
    const codes = data.revenueGlAccounts.map((account) => account.code);
    expect(codes).not.toContain(division.glAccounts.find((account) => account.BalanceType === "B")!.Code);
    const cost = division.glAccounts.find((account) => account.BalanceType === "W" && account.Type === 120)!;
    expect(codes).not.toContain(cost.Code);
    expect(data.salesVatCodes).toContainEqual({
      code: "2",
      description: division.vatCode("2")!.Description,
      percentage: "21",
      type: division.vatCode("2")!.Type,
    });
    const purchaseOnly = division.vatCodes.filter((code) => code.VATTransactionType === "P");
    for (const code of purchaseOnly) {
      expect(data.salesVatCodes.map((row) => row.code)).not.toContain(code.Code.trim());
    }

    // A refresh reads all three again: one call each, plus one per further 60 GL accounts.
    f.harness.clock.advance(5_000);
    const refreshed = await f.harness.app.request(
      `${path}/refresh`,
      jsonRequest("POST", f.tenant.tokens.bookkeeper),
    );
    expect(refreshed.status).toBe(200);
    expect(((await jsonOf(refreshed)) as { fetchedAt: string }).fetchedAt > data.fetchedAt).toBe(true);
    const glPages = Math.ceil(division.glAccounts.length / 60);
    expect(calls(f).sort()).toEqual(
      [
        "GET financial/Journals",
        "GET vat/VATCodes",
        ...Array.from({ length: glPages }, () => "GET financial/GLAccounts"),
      ].sort(),
    );
  });

  it("lets only a bookkeeper spend Exact calls on a refresh, and answers 404 for a division not connected", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    const path = `/v1/divisions/${SIM_DIVISION}/reference-data`;
    const refused = await f.harness.app.request(
      `${path}/refresh`,
      jsonRequest("POST", f.tenant.tokens.integration),
    );
    expect(refused.status).toBe(403);
    expect((await f.harness.app.request(path, jsonRequest("GET", f.tenant.tokens.integration))).status).toBe(
      200,
    );
    const unknown = await f.harness.app.request(
      "/v1/divisions/7654321/reference-data",
      jsonRequest("GET", f.tenant.tokens.bookkeeper),
    );
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("not_found");
    expect(calls(f)).toEqual([]);
  });
});
