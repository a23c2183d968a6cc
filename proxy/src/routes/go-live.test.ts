import type { GoLiveReview } from "@zapfloor-exact/shared/schemas/go-live";
import { settingsInputSchema } from "@zapfloor-exact/shared/schemas/settings";
import { afterEach, describe, expect, it } from "vitest";
import { writeSettings } from "../services/settings/settings-store";
import { createTenant } from "../services/tenants/create-tenant";
import { jsonOf, problemPathsOf } from "../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../testing/linking-fixture";

let fixture: LinkingFixture;
afterEach(async () => fixture?.close());

async function start() {
  fixture = await startLinkingFixture({
    accounts: [
      { Name: "Acme NV", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE", Code: "40" },
      { Name: "Beta BV", Status: "C", IsSales: true, SearchCode: "2002" },
      { Name: "Gamma Prospect", Status: "P", VATNumber: "BE1000000120" },
      { Name: "Delta Groep", Status: "C", IsSales: true, VATNumber: "BE1020304002" },
      { Name: "Delta Groep Gent", Status: "C", IsSales: true, VATNumber: "BE 1020.304.002" },
    ],
    customers: {
      "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
      "2002": { name: "Beta", country: "BE" },
      "7007": { name: "Gamma", vatNumber: "BE1000000120", country: "BE" },
      "8008": { name: "Delta", vatNumber: "BE1020304002", country: "BE" },
      "9009": { name: "Unrelated Ltd", country: "GB" },
    },
  });
  return fixture;
}

describe("GET /v1/divisions/{division}/go-live-review", () => {
  it("says for every customer what match-or-create would do, with counts, the settings, and no Exact call", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/go-live-review`;
    const review = await jsonOf<GoLiveReview>(await f.bookkeeper("GET", path));

    expect(review).toMatchObject({
      division: f.division,
      autoCreate: true,
      autoPush: true,
      total: 5,
      counts: { linked: 0, will_link: 2, will_create: 1, needs_review: 2, conflict: 0, unknown: 0 },
    });
    expect(
      review.customers.map((row) => [row.customerNumber, row.outcome, row.account?.name ?? null]),
    ).toEqual([
      ["7007", "needs_review", "Gamma Prospect"],
      ["8008", "needs_review", null],
      ["9009", "will_create", null],
      ["1001", "will_link", "Acme NV"],
      ["2002", "will_link", "Beta BV"],
    ]);
    const acme = review.customers.find((row) => row.customerNumber === "1001")!;
    expect(acme).toMatchObject({ name: "Acme", vatNumber: "BE0407186105", account: { code: "40" } });
    expect(acme.reasons.map((reason) => reason.code)).toContain("vat");
    expect(review.customers.find((row) => row.customerNumber === "8008")!.reasons[0]?.code).toBe(
      "vat_shared_by_several",
    );
    expect(f.exactCalls()).toEqual([]);

    // Once linked, a customer is counted as linked; a filter shows one outcome and keeps every count.
    const acmeId = acme.account!.id;
    expect(
      (
        await f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/${acmeId}/link`, {
          customerNumber: "1001",
        })
      ).status,
    ).toBe(200);
    const linked = await jsonOf<GoLiveReview>(await f.integration("GET", `${path}?outcome=linked`));
    expect(linked.customers.map((row) => row.customerNumber)).toEqual(["1001"]);
    expect(linked.counts).toMatchObject({ linked: 1, will_link: 1 });
  });

  it("follows the division's auto-create and auto-push settings, refuses an unknown outcome, and keeps tenants apart", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/go-live-review`;
    const bad = await f.bookkeeper("GET", `${path}?outcome=maybe`);
    expect(bad.status).toBe(400);
    expect(await problemPathsOf(bad)).toEqual(["query.outcome"]);

    await writeSettings(
      f.harness.deps.db,
      { tenantId: f.tenant.tenantId, division: f.division },
      settingsInputSchema.parse({ autoCreate: false, autoPush: false }),
      "bookkeeper",
      Date.now(),
    );
    const review = await jsonOf<GoLiveReview>(await f.bookkeeper("GET", `${path}?outcome=will_create`));
    expect(review).toMatchObject({ autoCreate: false, autoPush: false, counts: { will_create: 1 } });

    const other = await createTenant(f.harness.deps, { name: "Other" });
    expect((await f.call(other.tokens.bookkeeper, "GET", path)).status).toBe(404);
    expect((await f.call("", "GET", path)).status).toBe(401);
  });
});
