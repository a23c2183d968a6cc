import { describe, expect, it } from "vitest";
import { fixtureRows, readFixture } from "./seed/fixtures-dir";
import { shapeDifferences, withOrigin } from "./testing/shapes";
import { type Json, ORIGIN, testSim } from "./testing/test-sim";

const NANGO = 124132;
const NANGO_ORIGIN = "https://start.exactonline.fr";
// These 2026 recordings sent `$top` with `$select` and got `{"d":{"results":…}}`, as the simulator does by default.
const fixtureSim = () => testSim({ seed: { seed: 1, divisions: [], fixtureDivisions: true } });

describe("responses match the recorded Exact payloads", () => {
  it("crm/Accounts with the recorded $select returns the recorded accounts as recorded", async () => {
    const env = fixtureSim();
    const recorded = withOrigin(
      readFixture<Json>("nango/extracted/crm-accounts-list-select.json"),
      NANGO_ORIGIN,
      ORIGIN,
    );
    const select = "ID,Name,Code,Status,IsSales,IsPurchase,AddressLine1,City,Country,Email,Phone,Modified";
    const body: Json = await env.json(
      `/api/v1/${NANGO}/crm/Accounts?$orderby=Modified%20asc&$select=${select}&$top=6`,
    );
    expect(body.d.results).toEqual(recorded.d.results);
    expect(Object.keys(body.d.results[0])).toEqual(Object.keys(recorded.d.results[0]));
  });

  it("the customers recording (with IsSupplier) is reproduced once the two deleted accounts are gone", async () => {
    const env = fixtureSim();
    env.sim.control.deleteAccount(NANGO, "2a64d87a-5e60-442a-84f0-2dff86e9d706");
    env.sim.control.deleteAccount(NANGO, "9e4e46f6-c34c-4a6e-a214-522c15913cf1");
    const recorded = withOrigin(
      readFixture<Json>("nango/extracted/crm-accounts-list-select-2.json"),
      NANGO_ORIGIN,
      ORIGIN,
    );
    const select = "ID,Name,Email,Phone,Status,IsSales,IsPurchase,IsSupplier,Modified";
    const body: Json = await env.json(
      `/api/v1/${NANGO}/crm/Accounts?$orderby=Modified%20asc&$select=${select}&$skip=0&$top=100`,
    );
    expect(body.d.results).toEqual(recorded.d.results);
  });

  it("a full GET by key has the 2026 entity's properties in the same order", async () => {
    const env = fixtureSim();
    const recorded = fixtureRows("nango/extracted/crm-accounts-get-by-guid.json")[0]!;
    const body: Json = await env.json(
      `/api/v1/${NANGO}/crm/Accounts(guid'a58c29d9-ef92-40f1-b817-31b36990898c')`,
    );
    expect(shapeDifferences(body.d, recorded)).toEqual([]);
    expect(Object.keys(body.d)).toEqual(Object.keys(recorded));
    expect(body.d.Code).toBe("           0000002");
    expect(body.d.Country).toBe("FR ");
    expect(body.d.CustomerSince).toBe(recorded.CustomerSince);
    expect(body.d.BankAccounts).toEqual({ __deferred: { uri: `${body.d.__metadata.uri}/BankAccounts` } });
  });

  it("a POST without Prefer answers the recorded mostly-null body", async () => {
    const env = fixtureSim();
    const recorded = fixtureRows("nango/extracted/crm-accounts-post-response-no-prefer.json")[0]!;
    const response = await env.api(`/api/v1/${NANGO}/crm/Accounts`, {
      method: "POST",
      body: JSON.stringify({
        Name: "Test Customer Dryrun",
        Status: "C",
        IsSales: true,
        IsPurchase: false,
        Email: "test@example.com",
        Phone: "+33123456789",
        City: "Paris",
        Country: "FR",
      }),
    });
    expect(response.status).toBe(200);
    const body: Json = await response.json();
    const id = body.d.ID as string;
    const ownUri = `${ORIGIN}/api/v1/${NANGO}/crm/Accounts(guid'${id}')`;
    const recordedUri = `${NANGO_ORIGIN}/api/v1/${NANGO}/crm/Accounts(guid'40d4c49d-1790-4a13-b890-42909af24348')`;
    expect(withOrigin(body.d, ownUri, "URI")).toEqual({
      ...withOrigin(recorded, recordedUri, "URI"),
      ID: id,
    });
    const created: Json = await env.json(`/api/v1/${NANGO}/crm/Accounts(guid'${id}')?$select=Code,Source`);
    // After the five recorded "Dryrun" accounts and 0000011, the division's numbering continues at 0000012.
    expect(created.d.Code).toBe("           0000012");
  });

  it("current/Me and system/Divisions have the recorded properties in the recorded order", async () => {
    const env = fixtureSim();
    const me: Json = await env.json("/api/v1/current/Me");
    const recordedMe = fixtureRows("nango/extracted/current-me.json")[0]!;
    expect(shapeDifferences(me.d.results[0], recordedMe)).toEqual([]);
    expect(Object.keys(me.d.results[0])).toEqual(Object.keys(recordedMe));
    const divisions: Json = await env.json(`/api/v1/${NANGO}/system/Divisions`);
    const recordedDivision = fixtureRows("nango/extracted/system-divisions.json")[0]!;
    const nango = divisions.d.results.find((d: Json) => d.Code === NANGO);
    expect(shapeDifferences(nango, recordedDivision)).toEqual([]);
    expect(Object.keys(nango)).toEqual(Object.keys(recordedDivision));
    expect(nango.__metadata.uri).toBe(`${ORIGIN}/api/v1/${NANGO}/system/Divisions(${NANGO})`);
  });

  it("the .NET SDK accounts come back with every recorded property and value", async () => {
    const env = fixtureSim();
    const recorded = fixtureRows("dotnet-sdk/crm-accounts-single-object.json")[0]!;
    const body: Json = await env.json(`/api/v1/499156/crm/Accounts(guid'${recorded.ID}')`);
    for (const [key, value] of Object.entries(recorded)) {
      if (key === "__metadata" || key === "BankAccounts") continue;
      expect(body.d[key], key).toEqual(value);
    }
    const long = fixtureRows("dotnet-sdk/crm-accounts-list-long-51.json");
    const page: Json = await env.json(`/api/v1/102/crm/Accounts?$select=ID,Code,Name,VATNumber,SearchCode`);
    expect(page.d.results).toHaveLength(51);
    const belgium = page.d.results.find((r: Json) => r.Name === "Belgium Bouncers");
    expect(belgium).toMatchObject({
      Code: "                25",
      VATNumber: "BE0407186105",
      SearchCode: "BB       ",
    });
    expect(long.find((r) => r.Name === "Belgium Bouncers")?.Code).toBe(belgium.Code);
  });
});
