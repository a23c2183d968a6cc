import { afterEach, describe, expect, it } from "vitest";
import { listingPage } from "../../db/overview-reads";
import { type LinkingFixture, startLinkingFixture } from "../../testing/linking-fixture";
import { countStatements } from "../../testing/statement-count";
import { divisionViewAround, divisionViewAroundRows } from "./division-view-around";

let fixture: LinkingFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("a view around a page of accounts", () => {
  it("is read with a statement per kind of key for the whole page, not with seeks per account", async () => {
    fixture = await startLinkingFixture({
      accounts: [
        { Name: "Zuid Bouw NV", Status: "C", IsSales: true, VATNumber: "BE1020304002" },
        { Name: "Zuid Bouw Gent", Status: "C", IsSales: true, VATNumber: "BE 1020.304.002" },
        { Name: "Noord Handel", Status: "C", IsSales: true, SearchCode: "3003" },
        { Name: "Oost NV", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE" },
        { Name: "West BV", Status: "C", IsSales: true },
      ],
      customers: {
        "3003": { name: "Noord Handel", country: "BE" },
        "4004": { name: "Oost", vatNumber: "BE0407186105", country: "BE" },
        "5005": { name: "Zuid Bouw", vatNumber: "BE1020304002", country: "BE" },
      },
    });
    const { harness, division, tenant } = fixture;
    const scope = { tenantId: tenant.tenantId, division };
    const page = await listingPage(harness.deps.db, scope, undefined, 10);
    expect(page).toHaveLength(5);
    const statements = countStatements(harness.database);
    for (const row of page) await divisionViewAround(harness.deps, scope, row);
    const oneByOne = statements();

    const view = await divisionViewAroundRows(harness.deps, scope, page);
    const together = statements() - oneByOne;
    // Links of the page; customers by number key, VAT, company number and name; the accounts sharing their keys
    // by Code, SearchCode, VAT (a Belgian enterprise number as VAT too) and company number; the links among them.
    expect(together).toBeLessThanOrEqual(11);
    expect(together).toBeLessThan(oneByOne / 2);
    for (const row of page) {
      const around = await divisionViewAround(harness.deps, scope, row);
      const account = view.accounts.index.get(row.id)!.account;
      expect(view.suggestionFor(account as never), row.name).toEqual(around.suggestionFor(account as never));
    }
  });
});
