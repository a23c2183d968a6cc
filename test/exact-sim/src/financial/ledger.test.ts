import { describe, expect, it } from "vitest";
import { fixtureRows, readFixture } from "../seed/fixtures-dir";
import { shapeDifferences, withOrigin } from "../testing/shapes";
import { DIVISION, type Json, ORIGIN, testSim } from "../testing/test-sim";

const NANGO = 124132;
const fixtureSim = (options = {}) =>
  testSim({ seed: { seed: 1, divisions: [], fixtureDivisions: true }, ...options });

describe("ledger set-up endpoints", () => {
  it("financial/Journals of the fixture division are the recorded ones, with the same properties", async () => {
    // Recorded with `$top` and `$select`, answered `{"d":{"results":…}}`, as the simulator does by default.
    const env = fixtureSim();
    const recorded = withOrigin(
      readFixture<Json>("nango/extracted/financial-journals.json"),
      "https://start.exactonline.fr",
      ORIGIN,
    );
    const body: Json = await env.json(
      `/api/v1/${NANGO}/financial/Journals?$orderby=Modified%20asc&$select=ID,Code,Description,Modified&$top=100`,
    );
    const recordedRows = [...recorded.d.results].sort((a: Json, b: Json) =>
      a.Modified < b.Modified ? -1 : 1,
    );
    const ours = body.d.results.filter((r: Json) => recordedRows.some((x: Json) => x.ID === r.ID));
    expect(ours).toEqual(recordedRows);
  });

  it("financial/GLAccounts pages like the recording: $top=100 → 60 rows and __next with $top=40 and a guid skiptoken", async () => {
    const env = fixtureSim();
    const recorded = fixtureRows("nango/extracted/financial-glaccounts-page1-with-next.json");
    const body: Json = await env.json(
      `/api/v1/${NANGO}/financial/GLAccounts?$select=ID,Code,Description,Modified&$skip=0&$top=100`,
    );
    expect(body.d.results).toHaveLength(60);
    expect(body.d.__next).toMatch(
      new RegExp(
        `^${ORIGIN}/api/v1/${NANGO}/financial/GLAccounts\\?\\$select=ID,Code,Description,Modified&\\$top=40&\\$skiptoken=guid'[0-9a-f-]{36}'$`,
      ),
    );
    expect(shapeDifferences(body.d.results[0], recorded[0]!)).toEqual([]);
    expect(Object.keys(body.d.results[0])).toEqual(Object.keys(recorded[0]!));
    const second: Json = await env.json(body.d.__next.slice(ORIGIN.length));
    expect(second.d.results).toHaveLength(40);
  });

  it("vat/VATCodes have the recorded properties, padded codes and fractional percentages; $top answers a bare array", async () => {
    const env = testSim();
    const recorded = fixtureRows("nango/extracted/vat-vatcodes.json")[0]!;
    const body: Json = await env.json(`/api/v1/${DIVISION}/vat/VATCodes`);
    const high = body.d.results.find((r: Json) => r.Code === "2  ");
    expect(high.Percentage).toBe(0.21);
    expect(shapeDifferences(high, recorded)).toEqual([]);
    expect(Object.keys(high)).toEqual(Object.keys(recorded));
    const flat: Json = await env.json(`/api/v1/${DIVISION}/vat/VATCodes?$top=5`);
    expect(Array.isArray(flat.d)).toBe(true);
    expect(flat.d).toHaveLength(5);
    const fixture = fixtureSim();
    const recordedBody = withOrigin(
      readFixture<Json>("nango/extracted/vat-vatcodes.json"),
      "https://start.exactonline.fr",
      ORIGIN,
    );
    const ours: Json = await fixture.json(
      `/api/v1/${NANGO}/vat/VATCodes?$orderby=Modified%20asc&$skip=0&$top=50`,
    );
    const byId = new Map(ours.d.map((r: Json) => [r.ID, r]));
    for (const row of recordedBody.d) expect(byId.get(row.ID), row.Code).toEqual(row);
  });

  it("generated divisions have revenue accounts 8000/8010/8100 and balance-sheet accounts 1300/1500", async () => {
    const env = testSim();
    const body: Json = await env.json(
      `/api/v1/${DIVISION}/financial/GLAccounts?$select=Code,Type,BalanceType&$filter=Code%20eq%20'8000'%20or%20Code%20eq%20'8010'%20or%20Code%20eq%20'8100'%20or%20Code%20eq%20'1300'%20or%20Code%20eq%20'1500'`,
    );
    const byCode = Object.fromEntries(body.d.results.map((r: Json) => [r.Code, r.BalanceType]));
    expect(byCode).toEqual({ "8000": "W", "8010": "W", "8100": "W", "1300": "B", "1500": "B" });
  });
});
