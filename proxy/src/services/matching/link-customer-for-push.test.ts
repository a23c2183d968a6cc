import { afterEach, describe, expect, it } from "vitest";
import { type LinkingFixture, startLinkingFixture } from "../../testing/linking-fixture";
import { matchOrCreateForPush } from "./link-customer-for-push";

let fixture: LinkingFixture;
afterEach(async () => fixture?.close());

describe("match-or-create for the outbox worker", () => {
  it("links a match, creates a new customer, and leaves a prospect for a person", async () => {
    fixture = await startLinkingFixture({
      accounts: [
        { Name: "Acme NV", Status: "C", VATNumber: "BE0407186105" },
        { Name: "Gamma Prospect", Status: "P", VATNumber: "BE1000000120" },
      ],
    });
    const { harness, tenant, division, ids } = fixture;
    const push = (number: string, name: string, vatNumber?: string) =>
      matchOrCreateForPush(harness.deps, {
        tenantId: tenant.tenantId,
        division,
        customer: { number, name, country: "BE", ...(vatNumber ? { vatNumber } : {}) },
        actor: "zapfloor",
      });

    expect(await push("1001", "Acme", "BE0407186105")).toEqual({ status: "linked", exactAccountId: ids[0] });
    const created = await push("6006", "Newco BV");
    expect(created.status).toBe("linked");
    expect(
      harness.sim.control.accounts(division).filter((account) => account.SearchCode === "6006"),
    ).toHaveLength(1);
    expect(await push("6006", "Newco BV")).toEqual(created);

    const prospect = await push("7007", "Gamma", "BE1000000120");
    expect(prospect).toMatchObject({
      status: "review",
      details: {
        outcome: "review",
        reasons: ["vat", "not_a_customer"],
        explained: [
          expect.objectContaining({ code: "vat" }),
          expect.objectContaining({ code: "not_a_customer", params: { status: expect.any(String) } }),
        ],
      },
    });
    // A match that throws is parked with the error by reason: the overview words it in the reader's language.
    expect(await push("1234567890", "Far Too Long Number")).toMatchObject({
      status: "review",
      details: {
        error: "validation",
        said: { reason: "customer_number_too_long", params: { customer: "1234567890", max: "9" } },
      },
    });
  });
});
