import { afterEach, describe, expect, it } from "vitest";
import { jsonOf } from "../../testing/http";
import {
  type SalesFixture,
  SIM_DIVISION,
  simSettings,
  startSalesFixture,
} from "../sales-entries/sim-fixture";
import { jsonRequest } from "../sales-entries/testing";

let fixture: SalesFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const referenceCalls = (f: SalesFixture) =>
  f
    .exactCalls()
    .map((call) => `${call.method} ${call.endpoint}`)
    .sort();

describe("division settings against Exact's journals, GL accounts and VAT codes", () => {
  it("reads them once, then validates from the cache; re-reads a list only when it lacks something and is older than a minute", async () => {
    // The fixture saved the settings once already: that read the three lists.
    fixture = await startSalesFixture();
    const f = fixture;
    const put = (body: unknown, query = "") =>
      f.harness.app.request(
        `/v1/divisions/${SIM_DIVISION}/settings${query}`,
        jsonRequest("PUT", f.tenant.tokens.bookkeeper, body),
      );

    expect((await put(simSettings)).status).toBe(200);
    expect(referenceCalls(f)).toEqual([]);

    // A GL account added in Exact after the lists were read.
    f.sim.state.requireDivision(SIM_DIVISION).financial.glAccounts.push({
      ...f.sim.state.requireDivision(SIM_DIVISION).financial.glAccountByCode("8010")!,
      ID: "0b5e0d62-8a3f-4c1e-9f1a-7d2c3b4a5e6f",
      Code: "8015",
      Description: "Omzet parkeren",
    });
    const withParking = { ...simSettings, glMapping: { ...simSettings.glMapping, parking: "8015" } };
    const tooSoon = await put(withParking);
    expect(tooSoon.status).toBe(400);
    expect(referenceCalls(f)).toEqual([]);

    f.harness.clock.advance(61_000);
    const later = await put(withParking);
    expect(later.status).toBe(200);
    expect(await jsonOf(later)).toMatchObject({ glMapping: { parking: "8015" } });
    expect(referenceCalls(f)).toEqual(["GET financial/GLAccounts", "GET financial/GLAccounts"]);

    f.sim.control.resetCalls();
    expect((await put(withParking, "?refresh=true")).status).toBe(200);
    expect(new Set(referenceCalls(f))).toEqual(
      new Set(["GET financial/Journals", "GET financial/GLAccounts", "GET vat/VATCodes"]),
    );
  });

  it("refuses a VAT code that includes VAT (Exact Type I) for a rate: zapfloor's amounts exclude it", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    const financial = f.sim.state.requireDivision(SIM_DIVISION).financial;
    financial.vatCodes.push({
      ...financial.vatCode("2")!,
      ID: "5d0c6a3e-2b1f-4e8a-9c7d-1f2e3a4b5c6d",
      Code: "2I ",
      Description: "Btw hoog 21% inclusief",
      Type: "I",
    });
    const response = await f.harness.app.request(
      `/v1/divisions/${SIM_DIVISION}/settings?refresh=true`,
      jsonRequest("PUT", f.tenant.tokens.bookkeeper, {
        ...simSettings,
        vatMapping: { ...simSettings.vatMapping, rates: { ...simSettings.vatMapping.rates, "21": "2I" } },
      }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await jsonOf(response))).toMatch(/VAT code 2I includes VAT in the amount/);
  });
});
