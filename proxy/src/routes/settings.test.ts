import { describe, expect, it } from "vitest";
import type { ExactHttp } from "../exact/http";
import { dutchSettings, jsonRequest, seedConnectedDivision } from "../services/sales-entries/testing";
import { errorOf, jsonOf } from "../testing/http";
import { createTestApp } from "../testing/test-app";

/** An Exact that must not be called: every test here works from the cached reference data. */
const noExact: ExactHttp = {
  send: async (request) => {
    throw new Error(`unexpected Exact call: ${request.method} ${request.url}`);
  },
};

async function setup() {
  const test = await createTestApp({ exact: { http: noExact } });
  const tenant = await seedConnectedDivision(test.deps);
  const path = `/v1/divisions/${tenant.division}/settings`;
  return { ...test, tenant, path };
}

describe("PUT /v1/divisions/{division}/settings", () => {
  it("saves journals, mappings and matching behaviour checked against the division, and GET shows them", async () => {
    const { app, tenant, path } = await setup();
    const saved = await app.request(
      path,
      jsonRequest("PUT", tenant.tokens.bookkeeper, { ...dutchSettings, autoCreate: false }),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      division: tenant.division,
      configured: true,
      salesJournal: "70",
      creditNoteJournal: "71",
      glMapping: { desk: "8000", meeting_room: "8010" },
      vatMapping: { rates: { "21": "2", "9": "1", "0": "0" }, international: "5" },
      autoCreate: false,
      autoPush: true,
      nonCustomerMatch: "review",
      similarNameMatch: "review",
      updatedBy: "bookkeeper",
    });

    const read = await app.request(path, jsonRequest("GET", tenant.tokens.integration));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      salesJournal: "70",
      autoCreate: false,
      referenceDataFetchedAt: expect.any(String),
    });
  });

  it("reads two spellings of a rate as one and refuses them together", async () => {
    const { app, tenant, path } = await setup();
    const response = await app.request(
      path,
      jsonRequest("PUT", tenant.tokens.bookkeeper, {
        ...dutchSettings,
        vatMapping: { rates: { "21": "2", "21.0": "2" } },
      }),
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual({
      problems: [
        {
          path: "body.vatMapping.rates.21.0",
          message: 'is the same rate as "21"',
          code: "vat_rate_twice",
          params: { field: "body.vatMapping.rates.21.0", other: "21" },
        },
      ],
    });
  });

  it("lists every journal, GL account and VAT code the division does not have, or has of the wrong kind", async () => {
    const { app, tenant, path } = await setup();
    const response = await app.request(
      path,
      jsonRequest("PUT", tenant.tokens.bookkeeper, {
        salesJournal: "90",
        creditNoteJournal: "77",
        glMapping: { desk: "1300", parking: "8888", rent: "4000" },
        vatMapping: { rates: { "21": "6", "9": "2", "19": "9", "6": "4" }, international: "2" },
      }),
    );
    expect(response.status).toBe(400);
    const problems = ((await errorOf(response)).details as { problems: { path: string; message: string }[] })
      .problems;
    // Each message names what the division does have.
    const journals = "its sales journals are 70 (Verkoopboek), 71 (Creditnota's)";
    const glAccounts = "its revenue GL accounts are 8000 (Omzet werkplekken), 8010 (Omzet vergaderzalen)";
    const vatCodes =
      "its sales VAT codes are 0 (BTW 0%, 0%), 1 (BTW laag 9%, 9%), 2 (BTW hoog 21%, 21%), 5 (Diensten binnen EU, 0%)";
    expect(problems.map((problem) => problem.message.split("; its")[1])).toEqual([
      ...[1, 2].map(() => journals.slice(3)),
      ...[1, 2, 3].map(() => glAccounts.slice(3)),
      ...[1, 2, 3, 4, 5].map(() => vatCodes.slice(3)),
    ]);
    expect(problems[0]!.message).toBe(`journal 90 (Memoriaal) is not a sales journal; ${journals}`);
    expect(problems.map(({ path, message }) => ({ path, message: message.split("; its")[0] }))).toEqual([
      { path: "body.salesJournal", message: "journal 90 (Memoriaal) is not a sales journal" },
      { path: "body.creditNoteJournal", message: "journal 77 does not exist in this division" },
      {
        path: "body.glMapping.desk",
        message: "GL account 1300 is a balance-sheet account; revenue needs a profit-and-loss account",
      },
      { path: "body.glMapping.parking", message: "GL account 8888 does not exist in this division" },
      {
        path: "body.glMapping.rent",
        message: "GL account 4000 (Huur) is a cost account, not a revenue account",
      },
      { path: "body.vatMapping.rates.6", message: "VAT code 4 does not exist in this division" },
      { path: "body.vatMapping.rates.9", message: "VAT code 2 is 21%, not 9%" },
      { path: "body.vatMapping.rates.19", message: "VAT code 9 is blocked" },
      { path: "body.vatMapping.rates.21", message: "VAT code 6 is for purchases, not sales" },
      { path: "body.vatMapping.international", message: "VAT code 2 is 21%, not 0%" },
    ]);
    // The same, by code and values, for clients to say in their own language.
    const typed = problems as { code?: string; params?: Record<string, string> }[];
    expect(typed.map(({ code }) => code)).toEqual([
      "journal_not_sales",
      "journal_unknown",
      "gl_balance_sheet",
      "gl_unknown",
      "gl_not_revenue",
      "vat_unknown",
      "vat_rate_mismatch",
      "vat_blocked",
      "vat_purchase",
      "vat_rate_mismatch",
    ]);
    expect(typed[0]!.params).toEqual({
      code: "90",
      description: "Memoriaal",
      valid: "70 (Verkoopboek), 71 (Creditnota's)",
      more: "0",
    });
    expect(typed[6]!.params).toMatchObject({ code: "2", codeRate: "21", rate: "9" });
  });

  it("lists malformed fields before looking anything up", async () => {
    const { app, tenant, path } = await setup();
    const response = await app.request(
      path,
      jsonRequest("PUT", tenant.tokens.bookkeeper, {
        salesJournal: 70,
        vatMapping: { rates: { high: "2" } },
        autoCreate: "yes",
      }),
    );
    expect(response.status).toBe(400);
    const paths = ((await errorOf(response)).details as { problems: { path: string }[] }).problems.map(
      (p) => p.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(["body.salesJournal", "body.vatMapping.rates.high", "body.autoCreate"]),
    );
  });

  it("needs a token (401), a bookkeeper's (403), and a division of the caller's own tenant (404)", async () => {
    const { app, deps, tenant, path } = await setup();
    expect((await app.request(path, jsonRequest("PUT", undefined, dutchSettings))).status).toBe(401);
    const asIntegration = await app.request(
      path,
      jsonRequest("PUT", tenant.tokens.integration, dutchSettings),
    );
    expect(asIntegration.status).toBe(403);
    expect((await errorOf(asIntegration)).code).toBe("forbidden");

    const other = await seedConnectedDivision(deps, { name: "Elsewhere", division: 7654321 });
    const foreign = await app.request(
      `/v1/divisions/${other.division}/settings`,
      jsonRequest("PUT", tenant.tokens.bookkeeper, dutchSettings),
    );
    expect(foreign.status).toBe(404);
    const foreignRead = await app.request(
      `/v1/divisions/${other.division}/settings`,
      jsonRequest("GET", tenant.tokens.bookkeeper),
    );
    expect(foreignRead.status).toBe(404);
  });

  it("says what the division still lacks before it can take invoices, until it lacks nothing", async () => {
    const { app, tenant, path } = await setup();
    const before = await jsonOf(await app.request(path, jsonRequest("GET", tenant.tokens.bookkeeper)));
    expect(before).toMatchObject({
      bookings: { ready: false, missing: ["accounts", "salesJournal", "glMapping", "vatMapping"] },
    });
    const saved = await app.request(
      path,
      jsonRequest("PUT", tenant.tokens.bookkeeper, { ...dutchSettings, glMapping: {} }),
    );
    expect(await jsonOf(saved)).toMatchObject({
      bookings: { ready: false, missing: ["accounts", "glMapping"] },
    });
    const listed = await jsonOf(
      await app.request("/v1/divisions", jsonRequest("GET", tenant.tokens.integration)),
    );
    expect(listed).toMatchObject({
      divisions: [
        { division: tenant.division, bookings: { ready: false, missing: ["accounts", "glMapping"] } },
      ],
    });
  });

  it("answers GET with the defaults before anything was saved", async () => {
    const { app, tenant, path } = await setup();
    const response = await app.request(path, jsonRequest("GET", tenant.tokens.bookkeeper));
    expect(await jsonOf(response)).toMatchObject({
      configured: false,
      salesJournal: null,
      glMapping: {},
      vatMapping: { rates: {}, international: null },
      autoCreate: true,
      nonCustomerMatch: "review",
      similarNameMatch: "review",
      updatedAt: null,
    });
  });
});
