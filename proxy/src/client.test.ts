import { afterEach, describe, expect, it } from "vitest";
import { createProxyClient } from "./client";
import { type LinkingFixture, startLinkingFixture } from "./testing/linking-fixture";

let fixture: LinkingFixture;
afterEach(async () => fixture?.close());

describe("the typed client", () => {
  it("reaches the linking endpoints with typed parameters, bodies and answers", async () => {
    fixture = await startLinkingFixture({
      accounts: [{ Name: "Acme NV", Status: "C", VATNumber: "BE0407186105" }],
      customers: { "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" } },
    });
    const { harness, tenant, division, ids } = fixture;
    const inProcess = { fetch: ((input, init) => harness.app.request(input, init)) as typeof fetch };
    const bookkeeper = createProxyClient("http://proxy.test", tenant.tokens.bookkeeper, inProcess);
    const integration = createProxyClient("http://proxy.test", tenant.tokens.integration, inProcess);
    const param = { division: String(division), exactId: ids[0]! };

    const matched = await integration.v1.divisions[":division"].customers[":number"].match.$post({
      param: { division: String(division), number: "1001" },
      json: { create: true },
    });
    expect(matched.status).toBe(200);
    if (matched.status === 200) expect((await matched.json()).link?.method).toBe("vat");

    const detail = await bookkeeper.v1.divisions[":division"].accounts[":exactId"].$get({ param });
    expect(detail.status).toBe(200);
    if (detail.status === 200) {
      const body = await detail.json();
      expect(body.link?.customer?.name).toBe("Acme");
      expect(body.state).toBe("linked");
    }

    const found = await bookkeeper.v1.customers.$get({ query: { q: "acme", division: String(division) } });
    if (found.status === 200) expect((await found.json()).customers.map((c) => c.number)).toEqual(["1001"]);

    const unlinked = await bookkeeper.v1.divisions[":division"].accounts[":exactId"].link.$delete({ param });
    expect(unlinked.status).toBe(200);
    const refused = await integration.v1.divisions[":division"].accounts[":exactId"].link.$delete({ param });
    expect(refused.status).toBe(403);
  });
});
