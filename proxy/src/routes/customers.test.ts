import type { CustomerUpsertResult } from "@zapfloor-exact/shared/schemas/customers";
import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { afterEach, describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf, jsonOf, problemPathsOf } from "../testing/http";
import {
  type LinkingFixture,
  type LinkingFixtureOptions,
  startLinkingFixture,
} from "../testing/linking-fixture";

let fixture: LinkingFixture;
afterEach(async () => fixture?.close());

async function start(options: LinkingFixtureOptions = {}) {
  fixture = await startLinkingFixture(options);
  return fixture;
}

const acme = { Name: "Acme NV", Status: "C", IsSales: true, VATNumber: "BE 0407.186.105", Country: "BE" };

describe("PUT /v1/customers/{number}", () => {
  it("stores a new customer (201), answers its state per division, and an unchanged resend is a 200", async () => {
    const { integration, division, ids } = await start({ accounts: [acme] });
    const body = { name: "Acme", vatNumber: "be0407186105", country: "be", email: "billing@acme.test" };
    const created = await integration("PUT", "/v1/customers/1001", body);
    expect(created.status).toBe(201);
    const result = await jsonOf<CustomerUpsertResult>(created);
    expect(result.customer).toMatchObject({
      number: "1001",
      name: "Acme",
      country: "BE",
      vatNumber: "be0407186105",
    });
    expect(result.divisions).toEqual([{ division, outcome: "match", exactAccountId: ids[0], link: null }]);

    const again = await integration("PUT", "/v1/customers/1001", body);
    expect(again.status).toBe(200);
    expect((await jsonOf<CustomerUpsertResult>(again)).created).toBe(false);
  });

  it("lists every problem of a bad body at once, with its path", async () => {
    const { integration } = await start();
    const response = await integration("PUT", "/v1/customers/1001", {
      name: "Acme\u0000NV",
      vatNumber: 42,
      email: "not-an-address",
      country: "Belgium",
      address: { city: "Gent".repeat(16) },
      colour: "blue",
    });
    expect(response.status).toBe(400);
    expect((await problemPathsOf(response)).sort()).toEqual(
      ["body", "body.address.city", "body.country", "body.email", "body.name", "body.vatNumber"].sort(),
    );
  });

  it("keeps each tenant's customers apart: the same number is another customer", async () => {
    const { integration, call, harness } = await start();
    await integration("PUT", "/v1/customers/1001", { name: "Ours" });
    const other = await createTenant(harness.deps, { name: "Other operator" });
    const theirs = await call(other.tokens.integration, "PUT", "/v1/customers/1001", { name: "Theirs" });
    expect(theirs.status).toBe(201);
    const ours = await jsonOf<{ customers: { name: string }[] }>(
      await integration("GET", "/v1/customers?q=1001"),
    );
    expect(ours.customers.map((customer) => customer.name)).toEqual(["Ours"]);
  });

  it("refuses a customer number that is not one", async () => {
    const { integration } = await start();
    const response = await integration("PUT", `/v1/customers/${encodeURIComponent("1' OR '1'='1")}`, {
      name: "X",
    });
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual(["path.number"]);
  });

  it("needs an integration token: 401 without one, 403 with a bookkeeper's", async () => {
    const { call, bookkeeper } = await start();
    expect((await call("nope", "PUT", "/v1/customers/1001", { name: "X" })).status).toBe(401);
    const forbidden = await bookkeeper("PUT", "/v1/customers/1001", { name: "X" });
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).code).toBe("forbidden");
  });
});

describe("GET /v1/customers", () => {
  it("finds customers by number, name or VAT number, pages, and gives the link in a division", async () => {
    const { integration, bookkeeper, division } = await start({
      customers: {
        "1001": { name: "Acme NV", vatNumber: "BE0407186105" },
        "1002": { name: "Acme Labs" },
        "2001": { name: "Beta Café" },
      },
    });
    const byName = await jsonOf<{ customers: { number: string }[]; nextCursor: string | null }>(
      await bookkeeper("GET", "/v1/customers?q=acme&limit=1"),
    );
    // "Acme NV" reads as "acme" once its legal form is dropped, so it comes before "acme labs".
    expect(byName.customers.map((c) => c.number)).toEqual(["1001"]);
    const next = await jsonOf<{ customers: { number: string }[]; nextCursor: string | null }>(
      await bookkeeper("GET", `/v1/customers?q=acme&limit=1&cursor=${byName.nextCursor}`),
    );
    expect(next).toEqual({ customers: [expect.objectContaining({ number: "1002" })], nextCursor: null });

    const byVat = await jsonOf<{ customers: { number: string }[] }>(
      await integration("GET", "/v1/customers?q=0407.186"),
    );
    expect(byVat.customers.map((c) => c.number)).toEqual(["1001"]);
    const byAccent = await jsonOf<{ customers: { number: string }[] }>(
      await integration("GET", "/v1/customers?q=cafe"),
    );
    expect(byAccent.customers.map((c) => c.number)).toEqual(["2001"]);

    const withLinks = await jsonOf<{ customers: { number: string; link: unknown }[] }>(
      await bookkeeper("GET", `/v1/customers?q=2001&division=${division}`),
    );
    expect(withLinks.customers).toEqual([expect.objectContaining({ number: "2001", link: null })]);
  });

  it("lists every problem of a bad query", async () => {
    const { bookkeeper } = await start();
    const response = await bookkeeper(
      "GET",
      `/v1/customers?limit=501&cursor=${encodeURIComponent("<x>")}&division=-1`,
    );
    expect(response.status).toBe(400);
    expect((await problemPathsOf(response)).sort()).toEqual([
      "query.cursor",
      "query.division",
      "query.limit",
    ]);
  });

  it("answers 401 without a token, 404 for another tenant's division, and never shows another tenant's customers", async () => {
    const { call, bookkeeper, harness, division } = await start({ customers: { "1001": { name: "Acme" } } });
    expect((await call("", "GET", "/v1/customers")).status).toBe(401);
    const other = await createTenant(harness.deps, { name: "Other operator" });
    const theirs = await jsonOf<{ customers: unknown[] }>(
      await call(other.tokens.bookkeeper, "GET", "/v1/customers"),
    );
    expect(theirs.customers).toEqual([]);
    const response = await call(other.tokens.bookkeeper, "GET", `/v1/customers?division=${division}`);
    expect(response.status).toBe(404);
    expect((await bookkeeper("GET", `/v1/customers?division=${division}`)).status).toBe(200);
  });
});

describe("POST /v1/divisions/{division}/customers/{number}/match", () => {
  const match = (f: LinkingFixture, number: string, create: boolean) =>
    f.integration("POST", `/v1/divisions/${f.division}/customers/${number}/match`, { create });

  it("links a VAT match with create:true, from the mirror, without calling Exact", async () => {
    const f = await start({
      accounts: [acme],
      customers: { "1001": { name: "Acme", vatNumber: "BE0407186105" } },
    });
    const dry = await jsonOf<MatchResult>(await match(f, "1001", false));
    expect(dry).toMatchObject({
      outcome: "match",
      performed: "none",
      link: null,
      exactAccount: { id: f.ids[0] },
    });

    const linked = await jsonOf<MatchResult>(await match(f, "1001", true));
    expect(linked).toMatchObject({
      outcome: "match",
      performed: "linked",
      link: { customerNumber: "1001", exactId: f.ids[0], method: "vat", linkedBy: "zapfloor" },
    });
    expect(linked.reasons.map((reason) => reason.code)).toEqual(["vat", "link_made"]);
    expect(await jsonOf<MatchResult>(await match(f, "1001", true))).toMatchObject({
      outcome: "linked",
      performed: "none",
    });
    expect(f.exactCalls()).toEqual([]);
  });

  it("creates the Exact customer when nothing matches, with SearchCode, VAT in Exact's spelling and the address", async () => {
    const f = await start({
      customers: {
        "6006": {
          name: "Newco BV",
          vatNumber: "be 1000.000.120",
          country: "BE",
          email: "hello@newco.test",
          address: { line1: "Veldstraat 1", postcode: "9000", city: "Gent" },
        },
      },
    });
    const response = await match(f, "6006", true);
    expect(response.status).toBe(200);
    const result = await jsonOf<MatchResult>(response);
    expect(result).toMatchObject({ outcome: "create", performed: "created", link: { method: "created" } });
    const created = f.harness.sim.control.account(f.division, result.exactAccount?.id ?? "");
    expect(created).toMatchObject({
      Name: "Newco BV",
      SearchCode: "6006",
      Status: "C",
      IsSales: true,
      VATNumber: "BE1000000120",
      Email: "hello@newco.test",
      AddressLine1: "Veldstraat 1",
      Postcode: "9000",
      City: "Gent",
    });
    expect(f.exactCalls().map((call) => `${call.method} ${call.endpoint}`)).toEqual(["POST crm/Accounts"]);
    expect(await jsonOf<MatchResult>(await match(f, "6006", true))).toMatchObject({ outcome: "linked" });
  });

  it("refuses with 400, before any Exact call, to create a customer whose number cannot be a SearchCode", async () => {
    const f = await start({ customers: { "1234567890": { name: "Long Number BV" } } });
    const response = await match(f, "1234567890", true);
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual(["path.number"]);
    expect(f.exactCalls()).toEqual([]);
    expect(await jsonOf<MatchResult>(await match(f, "1234567890", false))).toMatchObject({
      outcome: "create",
    });
  });

  it("refuses with 400, before any Exact call, to create a customer whose name is longer than an Exact account keeps", async () => {
    const name = `Stichting ${"Gedeelde Werkplekken ".repeat(2)}Rotterdam Zuid`;
    const f = await start({ customers: { "6007": { name } } });
    const response = await match(f, "6007", true);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual({
      problems: [
        {
          path: "body.name",
          message: "name has 66 characters; Exact Online keeps at most 50 in an account's Name",
        },
      ],
    });
    expect(f.exactCalls()).toEqual([]);
    expect(await jsonOf<MatchResult>(await match(f, "6007", false))).toMatchObject({ outcome: "create" });
  });

  it("lists every problem of a bad request", async () => {
    const f = await start();
    const response = await f.integration("POST", "/v1/divisions/x/customers/%3Cb%3E/match", {
      create: "yes",
      extra: 1,
    });
    expect(response.status).toBe(400);
    expect((await problemPathsOf(response)).sort()).toEqual(["path.division", "path.number"]);
    const body = await f.integration("POST", `/v1/divisions/${f.division}/customers/1/match`, {
      create: "yes",
      extra: 1,
    });
    expect((await problemPathsOf(body)).sort()).toEqual(["body", "body.create"]);
  });

  it("answers 401, 403 for a bookkeeper, 404 for another tenant's division or an unknown customer", async () => {
    const f = await start({ customers: { "1001": { name: "Acme" } } });
    const path = `/v1/divisions/${f.division}/customers/1001/match`;
    expect((await f.call("x", "POST", path, { create: false })).status).toBe(401);
    expect((await f.bookkeeper("POST", path, { create: false })).status).toBe(403);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect((await f.call(other.tokens.integration, "POST", path, { create: false })).status).toBe(404);
    const unknown = await match(f, "9999", false);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toContain("PUT /v1/customers/9999");
  });
});

describe("never a duplicate, never a wrong create", () => {
  const match = (f: LinkingFixture, number: string, create: boolean) =>
    f.integration("POST", `/v1/divisions/${f.division}/customers/${number}/match`, { create });
  const advies = { Name: "Advies Rotterdam B.V.", Status: "C", City: "Rotterdam" };

  it("holds a customer for review when an Exact customer has the same name, and creates nothing", async () => {
    const f = await start({ accounts: [advies] });
    const stored = await jsonOf<CustomerUpsertResult>(
      await f.integration("PUT", "/v1/customers/2003", { name: "Advies Rotterdam BV" }),
    );
    expect(stored.divisions).toEqual([
      { division: f.division, outcome: "review", exactAccountId: f.ids[0], link: null },
    ]);
    for (const create of [false, true]) {
      const result = await jsonOf<MatchResult>(await match(f, "2003", create));
      expect(result).toMatchObject({ outcome: "review", performed: "none", link: null });
      expect(result.reasons).toEqual([
        expect.objectContaining({ code: "similar_name_exists", accountId: f.ids[0] }),
      ]);
      expect(result.reasons[0]?.message).toContain('"Advies Rotterdam B.V."');
    }
    expect(f.exactCalls()).toEqual([]);
    expect(f.harness.sim.control.accounts(f.division)).toHaveLength(1);
  });

  it("a near-identical name blocks creating only in the same city", async () => {
    const f = await start({ accounts: [{ Name: "Bakkerij Jansen BV", Status: "C", City: "Gent" }] });
    await f.integration("PUT", "/v1/customers/31", { name: "Bakkerij Janssen", address: { city: "gent" } });
    await f.integration("PUT", "/v1/customers/32", { name: "Bakkerij Janssen", address: { city: "Brugge" } });
    expect((await jsonOf<MatchResult>(await match(f, "31", false))).outcome).toBe("review");
    expect((await jsonOf<MatchResult>(await match(f, "32", false))).outcome).toBe("create");
  });

  it("a near-identical name blocks creating with the same postcode, as Exact's account holds it, whatever the city", async () => {
    const f = await start({
      accounts: [{ Name: "Bakkerij Jansen BV", Status: "C", IsSales: true, Postcode: "9000" }],
    });
    await f.integration("PUT", "/v1/customers/33", {
      name: "Bakkerij Janssen",
      address: { postcode: "9000", city: "Gent-Centrum" },
    });
    await f.integration("PUT", "/v1/customers/34", {
      name: "Bakkerij Janssen",
      address: { postcode: "8000", city: "Brugge" },
    });
    const held = await jsonOf<MatchResult>(await match(f, "33", true));
    expect(held).toMatchObject({ outcome: "review", performed: "none" });
    expect(held.reasons).toEqual([
      expect.objectContaining({ code: "similar_name_exists", accountId: f.ids[0] }),
    ]);
    expect((await jsonOf<MatchResult>(await match(f, "34", false))).outcome).toBe("create");
    expect(f.exactCalls().filter((call) => call.method !== "GET")).toEqual([]);
  });

  it("creates anyway in a division whose settings allow customers with the same name", async () => {
    const f = await start({ accounts: [advies], customers: { "2003": { name: "Advies Rotterdam BV" } } });
    const saved = await f.bookkeeper("PUT", `/v1/divisions/${f.division}/settings`, {
      similarNameMatch: "create",
    });
    expect(saved.status).toBe(200);
    f.harness.sim.control.resetCalls();
    const result = await jsonOf<MatchResult>(await match(f, "2003", true));
    expect(result).toMatchObject({ outcome: "create", performed: "created" });
    expect(f.exactCalls().map((call) => `${call.method} ${call.endpoint}`)).toEqual(["POST crm/Accounts"]);
  });

  it("answers unknown, with when the accounts were last loaded, in a division never loaded: never create", async () => {
    const unloaded = 7_200_099;
    const f = await start({ unloadedDivisions: [unloaded] });
    const stored = await jsonOf<CustomerUpsertResult>(
      await f.integration("PUT", "/v1/customers/6006", { name: "Newco" }),
    );
    expect(stored.divisions).toContainEqual({
      division: unloaded,
      outcome: "unknown",
      exactAccountId: null,
      link: null,
      lastLoadedAt: null,
    });
    for (const create of [false, true]) {
      const response = await f.integration("POST", `/v1/divisions/${unloaded}/customers/6006/match`, {
        create,
      });
      expect(response.status).toBe(200);
      const result = await jsonOf<MatchResult>(response);
      expect(result).toMatchObject({ outcome: "unknown", performed: "none", exactAccount: null });
      expect(result.reasons).toEqual([
        expect.objectContaining({ code: "mirror_not_loaded", lastLoadedAt: null }),
      ]);
    }
    expect(f.harness.sim.control.calls({ division: unloaded })).toEqual([]);
  });

  it("answers unknown when the accounts are a day old and cannot be brought up to date", async () => {
    const f = await start({ customers: { "6006": { name: "Newco" } } });
    const loadedBy = f.harness.clock.now();
    f.harness.clock.advance(25 * 60 * 60_000);
    f.harness.sim.control.addFault({
      method: "GET",
      path: "sync/CRM/Accounts",
      action: "status",
      status: 503,
      times: 100,
    });
    const result = await jsonOf<MatchResult>(await match(f, "6006", true));
    expect(result).toMatchObject({ outcome: "unknown", performed: "none" });
    expect(result.reasons[0]).toMatchObject({ code: "mirror_not_loaded" });
    const lastLoadedAt = Date.parse(result.reasons[0]?.lastLoadedAt ?? "");
    expect(lastLoadedAt).toBeLessThanOrEqual(loadedBy);
    expect(loadedBy - lastLoadedAt).toBeLessThan(60_000);
    expect(f.exactCalls().filter((call) => call.method !== "GET")).toEqual([]);
  });

  it.each([
    "Select Offices from Gent BV",
    "Drop & Go BVBA",
    "O'Brien & Zonen",
    "<Acme> Labs",
    "Ünal Dönerci GmbH",
    "ACME; DELETE Ltd",
    `Very Long ${"Name ".repeat(37)}BV`.slice(0, 200),
  ])("stores %j as given, and finds it again", async (name) => {
    const f = await start();
    const response = await f.integration("PUT", "/v1/customers/4242", { name });
    expect(response.status).toBe(201);
    expect((await jsonOf<CustomerUpsertResult>(response)).customer.name).toBe(name);
    const found = await jsonOf<{ customers: { name: string }[] }>(
      await f.integration("GET", "/v1/customers?q=4242"),
    );
    expect(found.customers.map((customer) => customer.name)).toEqual([name]);
  });
});
