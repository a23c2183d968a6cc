import { invoiceNumberSchema } from "@zapfloor-exact/shared/schemas/sales-entries";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exactReferenceData, salesEntries } from "../db/schema";
import {
  fieldLimitsFrom,
  SALES_ENTRY_FIELD_LIMITS,
  SALES_ENTRY_LINE_FIELD_LIMITS,
} from "../exact/field-limits";
import type { ExactHttp } from "../exact/http";
import {
  deskCreditNote,
  deskInvoice,
  dutchReference,
  dutchSettings,
  jsonRequest,
  seedConnectedDivision,
} from "../services/sales-entries/testing";
import { errorOf, jsonOf, problemPathsOf } from "../testing/http";
import type { ManualClock } from "../testing/manual-clock";
import { createTestApp, testExactApp } from "../testing/test-app";

/** Counts every Exact call, and fails it: submitting must never reach Exact. */
function countingExact() {
  const calls: string[] = [];
  const http: ExactHttp = {
    send: async (request) => {
      calls.push(`${request.method} ${request.url}`);
      throw new Error("unexpected Exact call");
    },
  };
  return { http, calls };
}

async function setup(fieldLimits?: string) {
  const exact = countingExact();
  const test = await createTestApp({
    exact: {
      http: exact.http,
      ...(fieldLimits ? { app: { ...testExactApp, fieldLimits: fieldLimitsFrom(fieldLimits) } } : {}),
    },
  });
  const tenant = await seedConnectedDivision(test.deps);
  const saved = await test.app.request(
    `/v1/divisions/${tenant.division}/settings`,
    jsonRequest("PUT", tenant.tokens.bookkeeper, dutchSettings),
  );
  expect(saved.status).toBe(200);
  const entryPath = (invoiceNumber: string) =>
    `/v1/divisions/${tenant.division}/sales-entries/${invoiceNumber}`;
  const submit = (invoiceNumber: string, body: unknown, token = tenant.tokens.integration) =>
    test.app.request(entryPath(invoiceNumber), jsonRequest("PUT", token, body));
  return { ...test, tenant, exactCalls: exact.calls, entryPath, submit };
}

type Entry = { state: string; invoiceNumber: string; attempts: number; createdAt: string; invoice?: unknown };

describe("PUT /v1/divisions/{division}/sales-entries/{invoiceNumber}", () => {
  it("queues a valid invoice and answers 202 with the entry, without calling Exact", async () => {
    const { submit, exactCalls } = await setup();
    const response = await submit("2026-0153", deskInvoice());
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      invoiceNumber: "2026-0153",
      type: "invoice",
      customerNumber: "1042",
      totalInclVat: "587.46",
      currency: "EUR",
      state: "queued",
      attempts: 0,
      lastError: null,
      exact: { entryId: null, entryNumber: null },
      paid: { status: "unknown", outstanding: null },
    });
    expect(exactCalls).toEqual([]);
  });

  it("answers the same invoice again with the stored entry, however its amounts are spelled", async () => {
    const { submit, deps } = await setup();
    const first = await jsonOf<Entry>(await submit("2026-0153", deskInvoice()));
    (deps.clock as ManualClock).advance(60_000);
    const respelled = deskInvoice({
      lines: [
        { description: "Dedicated desk, March", amount: "450", vatRate: "21.0", revenueKey: "desk" },
        { description: "Meeting room, 2 h", amount: "35.5", vatRate: "21", revenueKey: "meeting_room" },
      ],
    });
    const again = await submit("2026-0153", respelled);
    expect(again.status).toBe(202);
    expect(await jsonOf<Entry>(again)).toEqual(first);
  });

  it("books a credit note with negative amounts and refuses one with positive amounts", async () => {
    const { submit } = await setup();
    const credit = await submit("2026-0154", deskCreditNote());
    expect(credit.status).toBe(202);
    expect(await credit.json()).toMatchObject({ type: "credit_note", totalInclVat: "-587.46" });

    const positive = await submit("2026-0155", { ...deskInvoice(), type: "credit_note" });
    expect(positive.status).toBe(400);
    expect(await problemPathsOf(positive)).toEqual(["body.totalInclVat"]);
  });

  it("replaces a queued or failed invoice sent again with different content", async () => {
    const { submit, deps, tenant } = await setup();
    await submit("2026-0153", deskInvoice());
    const changed = await submit("2026-0153", deskInvoice({ description: "March 2026, corrected" }));
    expect(changed.status).toBe(202);
    expect(await changed.json()).toMatchObject({
      state: "queued",
      invoice: { description: "March 2026, corrected" },
    });

    await deps.db.update(salesEntries).set({ state: "failed", lastError: "Exact said no", attempts: 3 });
    const afterFailure = await submit("2026-0153", deskInvoice({ description: "April" }));
    expect(afterFailure.status).toBe(202);
    expect(await afterFailure.json()).toMatchObject({ state: "queued", attempts: 0, lastError: null });
    expect(tenant.division).toBe(1234567);
  });

  it("refuses different content for an invoice that is booked or being booked (409), and accepts the same", async () => {
    const { submit, deps } = await setup();
    await submit("2026-0153", deskInvoice());
    await deps.db.update(salesEntries).set({
      state: "pushed",
      exactEntryId: "5f0e1c1e-0000-4000-8000-000000000001",
      exactEntryNumber: 26700001,
    });

    const different = await submit("2026-0153", deskInvoice({ description: "changed" }));
    expect(different.status).toBe(409);
    expect(await errorOf(different)).toMatchObject({
      code: "conflict",
      reason: "invoice_booked_differently",
      params: { invoice: "2026-0153" },
      details: { state: "pushed", exactEntryNumber: 26700001 },
    });
    const same = await submit("2026-0153", deskInvoice());
    expect(same.status).toBe(202);
    expect(await same.json()).toMatchObject({ state: "pushed", exact: { entryNumber: 26700001 } });

    await deps.db.update(salesEntries).set({ state: "pushing" });
    const pushing = await submit("2026-0153", deskInvoice({ description: "changed" }));
    expect(pushing.status).toBe(409);
    expect(await errorOf(pushing)).toMatchObject({
      reason: "invoice_pushing_differently",
      params: { invoice: "2026-0153" },
    });
  });

  it("lists every unmapped GL account and VAT rate and a wrong total at once, costing no Exact call", async () => {
    const { submit, exactCalls } = await setup();
    const response = await submit(
      "2026-0160",
      deskInvoice({
        lines: [
          { description: "Desk", amount: "100.00", vatRate: "21", revenueKey: "desk" },
          { description: "Parking", amount: "20.00", vatRate: "21", revenueKey: "parking" },
          { description: "Coffee", amount: "5.00", vatRate: "6", glAccount: "8999" },
          { description: "Old rate", amount: "5.00", vatCode: "9", glAccount: "8000" },
          { description: "Purchase code", amount: "5.00", vatCode: "X", glAccount: "1300" },
        ],
        totalInclVat: "150.00",
      }),
    );
    expect(response.status).toBe(400);
    const { details } = await errorOf(response);
    expect((details as { problems: unknown }).problems).toEqual([
      {
        path: "body.lines[1].revenueKey",
        message: '"parking" is not in the division\'s GL mapping',
        code: "gl_key_unmapped",
        params: { key: "parking" },
      },
      {
        path: "body.lines[2].glAccount",
        message: '"8999" is not in the division\'s GL mapping',
        code: "gl_key_unmapped",
        params: { key: "8999" },
      },
      {
        path: "body.lines[2].vatRate",
        message: "no Exact VAT code is mapped for 6% in this division",
        code: "vat_rate_unmapped",
        params: { rate: "6" },
      },
      {
        path: "body.lines[3].vatCode",
        message: "VAT code 9 is blocked",
        code: "vat_blocked",
        params: { code: "9" },
      },
      {
        path: "body.lines[4].glAccount",
        message: "GL account 1300 is a balance-sheet account; revenue needs a profit-and-loss account",
        code: "gl_balance_sheet",
        params: { code: "1300" },
      },
      {
        path: "body.lines[4].vatCode",
        message: "VAT code X does not exist in this division",
        code: "vat_unknown",
        params: { code: "X" },
      },
    ]);
    expect(exactCalls).toEqual([]);
  });

  it("refuses a line that names a VAT code including VAT (Exact Type I), as its amount excludes VAT", async () => {
    const { submit, exactCalls, deps, tenant } = await setup();
    const including = {
      id: "00000000-0000-0000-0000-0000000000a3",
      code: "3  ",
      description: "BTW hoog 21% inclusief",
      percentage: 0.21,
      blocked: false,
      use: "S",
      type: "I",
    };
    await deps.db
      .update(exactReferenceData)
      .set({ data: [...dutchReference.vatCodes, including] })
      .where(and(eq(exactReferenceData.tenantId, tenant.tenantId), eq(exactReferenceData.kind, "vatCodes")));

    const response = await submit(
      "2026-0166",
      deskInvoice({
        lines: [{ description: "Desk", amount: "100.00", vatCode: "3", revenueKey: "desk" }],
        totalInclVat: "121.00",
      }),
    );

    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual({
      problems: [
        {
          path: "body.lines[0].vatCode",
          message:
            "VAT code 3 includes VAT in the amount, and line amounts exclude VAT; send vatRate or an excluding code",
          code: "vat_including",
          params: { code: "3" },
        },
      ],
    });
    expect(await deps.db.select().from(salesEntries)).toEqual([]);
    expect(exactCalls).toEqual([]);
  });

  it("checks that the lines plus their VAT, rounded per line, make the total", async () => {
    const { submit } = await setup();
    const response = await submit("2026-0161", deskInvoice({ totalInclVat: "587.45" }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual({
      problems: [
        {
          path: "body.totalInclVat",
          message: "the lines add up to 587.46 (485.50 plus 101.96 VAT rounded per line), not 587.45",
          code: "total_mismatch",
          params: { gross: "587.46", net: "485.50", vat: "101.96", stated: "587.45" },
        },
      ],
    });
  });

  it("uses the international VAT code for 0% lines of a customer abroad, and a GL code that exists as is", async () => {
    const { submit } = await setup();
    const response = await submit(
      "2026-0162",
      deskInvoice({
        customer: { number: "2001", name: "Tech GmbH", country: "DE" },
        lines: [{ description: "Desk", amount: "100.00", vatRate: "0", glAccount: "8000" }],
        totalInclVat: "100.00",
      }),
    );
    expect(response.status).toBe(202);
  });

  it("lists malformed fields with their paths: amounts as numbers, bad dates, missing references", async () => {
    const { submit } = await setup();
    const response = await submit("2026-0163", {
      type: "bill",
      date: "2026-02-30",
      customer: { number: "1042" },
      lines: [{ description: "Desk", amount: 450, vatRate: "21%" }],
      totalInclVat: "1.234",
    });
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual(
      expect.arrayContaining([
        "body.type",
        "body.date",
        "body.customer.name",
        "body.lines[0].amount",
        "body.lines[0].vatRate",
        "body.totalInclVat",
      ]),
    );
  });

  it("refuses an invoice number that cannot be a YourRef, and a division without settings", async () => {
    const { app, deps, tenant, submit } = await setup();
    expect(await problemPathsOf(await submit("bad number!", deskInvoice()))).toEqual(["path.invoiceNumber"]);

    const bare = await seedConnectedDivision(deps, { name: "Bare", division: 2222222, reference: false });
    const response = await app.request(
      `/v1/divisions/${bare.division}/sales-entries/2026-0001`,
      jsonRequest("PUT", bare.tokens.integration, deskInvoice()),
    );
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual([
      "settings.salesJournal",
      "body.lines[0].revenueKey",
      "body.lines[0].vatRate",
      "body.lines[1].revenueKey",
      "body.lines[1].vatRate",
    ]);
    expect(tenant.division).not.toBe(bare.division);
  });

  it("refuses descriptions longer than Exact keeps, naming each, and stores nothing", async () => {
    const { submit, exactCalls, deps } = await setup();
    const response = await submit(
      "2026-0164",
      deskInvoice({
        description: "D".repeat(SALES_ENTRY_FIELD_LIMITS.Description + 1),
        lines: [
          {
            description: "L".repeat(SALES_ENTRY_LINE_FIELD_LIMITS.Description + 1),
            amount: "450.00",
            vatRate: "21",
            revenueKey: "desk",
          },
          { description: "Meeting room, 2 h", amount: "35.50", vatRate: "21", revenueKey: "meeting_room" },
        ],
      }),
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual({
      problems: [
        {
          path: "body.description",
          message: "has 61 characters; Exact Online keeps at most 60 in a sales entry's Description",
        },
        {
          path: "body.lines[0].description",
          message: "has 61 characters; Exact Online keeps at most 60 in a sales entry's line Description",
        },
      ],
    });
    expect(await deps.db.select().from(salesEntries)).toEqual([]);
    expect(exactCalls).toEqual([]);

    const fits = deskInvoice({ description: "D".repeat(SALES_ENTRY_FIELD_LIMITS.Description) });
    expect((await submit("2026-0164", fits)).status).toBe(202);
  });

  it("takes the lengths from the EXACT_FIELD_LIMITS setting, YourRef included", async () => {
    const { submit, exactCalls } = await setup("SalesEntry.Description=255,SalesEntry.YourRef=9");
    expect((await submit("2026-0165", deskInvoice({ description: "D".repeat(255) }))).status).toBe(202);
    const response = await submit("2026-00166", deskInvoice());
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual({
      problems: [
        {
          path: "path.invoiceNumber",
          message: "has 10 characters; Exact Online keeps at most 9 in a sales entry's YourRef",
        },
      ],
    });
    expect(exactCalls).toEqual([]);
  });

  it("keeps every invoice number within Exact's YourRef", () => {
    expect(invoiceNumberSchema.maxLength).toBeLessThanOrEqual(SALES_ENTRY_FIELD_LIMITS.YourRef);
  });

  it("needs a token (401), an integration token (403), and the caller's own division (404)", async () => {
    const { app, deps, tenant, submit } = await setup();
    expect((await submit("2026-0153", deskInvoice(), "")).status).toBe(401);
    const asBookkeeper = await submit("2026-0153", deskInvoice(), tenant.tokens.bookkeeper);
    expect(asBookkeeper.status).toBe(403);

    const other = await seedConnectedDivision(deps, { name: "Elsewhere", division: 7654321 });
    const foreign = await app.request(
      `/v1/divisions/${other.division}/sales-entries/2026-0153`,
      jsonRequest("PUT", tenant.tokens.integration, deskInvoice()),
    );
    expect(foreign.status).toBe(404);
  });
});

describe("GET /v1/divisions/{division}/sales-entries/{invoiceNumber}", () => {
  it("shows the entry with the invoice as submitted, to either role", async () => {
    const { app, submit, entryPath, tenant } = await setup();
    await submit("2026-0153", deskInvoice());
    for (const token of [tenant.tokens.bookkeeper, tenant.tokens.integration]) {
      const response = await app.request(entryPath("2026-0153"), jsonRequest("GET", token));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        state: "queued",
        invoice: {
          totalInclVat: "587.46",
          currency: "EUR",
          lines: [{ amount: "450.00" }, { amount: "35.50" }],
        },
      });
    }
  });

  it("answers 404 for an unknown invoice and for another tenant's division, 401 without a token", async () => {
    const { app, deps, entryPath, tenant } = await setup();
    expect(
      (await app.request(entryPath("2026-9999"), jsonRequest("GET", tenant.tokens.bookkeeper))).status,
    ).toBe(404);
    const other = await seedConnectedDivision(deps, { name: "Elsewhere", division: 7654321 });
    const foreign = await app.request(
      `/v1/divisions/${other.division}/sales-entries/2026-0153`,
      jsonRequest("GET", tenant.tokens.bookkeeper),
    );
    expect(foreign.status).toBe(404);
    expect((await app.request(entryPath("2026-0153"), jsonRequest("GET", undefined))).status).toBe(401);
  });
});

describe("GET /v1/divisions/{division}/sales-entries", () => {
  it("pages through the entries with limit and cursor, and filters by state", async () => {
    const { app, submit, deps, tenant } = await setup();
    for (const n of ["2026-0003", "2026-0001", "2026-0004", "2026-0002", "2026-0005"])
      await submit(n, deskInvoice());
    await deps.db
      .update(salesEntries)
      .set({ state: "failed" })
      .where(eq(salesEntries.invoiceNumber, "2026-0004"));
    const list = (query: string) =>
      app.request(
        `/v1/divisions/${tenant.division}/sales-entries${query}`,
        jsonRequest("GET", tenant.tokens.bookkeeper),
      );

    const first = await jsonOf<{ entries: Entry[]; nextCursor: string | null }>(await list("?limit=2"));
    expect(first.entries.map((e) => e.invoiceNumber)).toEqual(["2026-0001", "2026-0002"]);
    expect(first.entries[0]).not.toHaveProperty("invoice");
    const second = await jsonOf<{ entries: Entry[]; nextCursor: string | null }>(
      await list(`?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.entries.map((e) => e.invoiceNumber)).toEqual(["2026-0003", "2026-0004"]);
    const last = await jsonOf<{ entries: Entry[]; nextCursor: string | null }>(
      await list(`?limit=2&cursor=${second.nextCursor}`),
    );
    expect(last).toMatchObject({ entries: [{ invoiceNumber: "2026-0005" }], nextCursor: null });

    const failed = await jsonOf<{ entries: Entry[] }>(await list("?state=failed"));
    expect(failed.entries.map((e) => [e.invoiceNumber, e.state])).toEqual([["2026-0004", "failed"]]);
  });

  it("refuses a bad state, limit or cursor with every problem listed", async () => {
    const { app, tenant } = await setup();
    const response = await app.request(
      `/v1/divisions/${tenant.division}/sales-entries?state=lost&limit=501`,
      jsonRequest("GET", tenant.tokens.bookkeeper),
    );
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual(["query.state", "query.limit"]);
    const badCursor = await app.request(
      `/v1/divisions/${tenant.division}/sales-entries?cursor=bm90LWEtY3Vyc29y`,
      jsonRequest("GET", tenant.tokens.bookkeeper),
    );
    expect(await problemPathsOf(badCursor)).toEqual(["query.cursor"]);
  });

  it("answers 401 without a token and 404 for another tenant's division", async () => {
    const { app, deps, tenant } = await setup();
    expect((await app.request(`/v1/divisions/${tenant.division}/sales-entries`)).status).toBe(401);
    const other = await seedConnectedDivision(deps, { name: "Elsewhere", division: 7654321 });
    const foreign = await app.request(
      `/v1/divisions/${other.division}/sales-entries`,
      jsonRequest("GET", tenant.tokens.integration),
    );
    expect(foreign.status).toBe(404);
  });
});

describe("POST /v1/divisions/{division}/sales-entries/{invoiceNumber}/retry", () => {
  it("queues a failed entry again with a fresh attempt count, for a bookkeeper or the integration", async () => {
    const { app, submit, deps, entryPath, tenant } = await setup();
    await submit("2026-0153", deskInvoice());
    for (const token of [tenant.tokens.bookkeeper, tenant.tokens.integration]) {
      await deps.db.update(salesEntries).set({ state: "failed", attempts: 8, lastError: "Gave up" });
      const response = await app.request(`${entryPath("2026-0153")}/retry`, jsonRequest("POST", token));
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ state: "queued", attempts: 0 });
    }
  });

  it("refuses to retry a booked entry (409), an unknown one (404), or without a token (401)", async () => {
    const { app, submit, deps, entryPath, tenant } = await setup();
    await submit("2026-0153", deskInvoice());
    await deps.db.update(salesEntries).set({ state: "pushed", exactEntryNumber: 26700001 });
    const booked = await app.request(
      `${entryPath("2026-0153")}/retry`,
      jsonRequest("POST", tenant.tokens.bookkeeper),
    );
    expect(booked.status).toBe(409);
    expect(await errorOf(booked)).toMatchObject({
      message: expect.stringContaining("26700001"),
      reason: "invoice_already_booked",
      params: { invoice: "2026-0153", entry: "26700001" },
    });
    const unknown = await app.request(
      `${entryPath("2026-0999")}/retry`,
      jsonRequest("POST", tenant.tokens.bookkeeper),
    );
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({
      reason: "invoice_not_found",
      params: { invoice: "2026-0999" },
    });
    await deps.db.update(salesEntries).set({ state: "pushing" });
    const beingPushed = await app.request(
      `${entryPath("2026-0153")}/retry`,
      jsonRequest("POST", tenant.tokens.bookkeeper),
    );
    expect(await errorOf(beingPushed)).toMatchObject({
      reason: "invoice_being_pushed",
      params: { invoice: "2026-0153" },
    });
    expect((await app.request(`${entryPath("2026-0153")}/retry`, { method: "POST" })).status).toBe(401);
  });

  it("answers 404 for another tenant's division", async () => {
    const { app, deps, tenant } = await setup();
    const other = await seedConnectedDivision(deps, { name: "Elsewhere", division: 7654321 });
    const response = await app.request(
      `/v1/divisions/${other.division}/sales-entries/2026-0153/retry`,
      jsonRequest("POST", tenant.tokens.bookkeeper),
    );
    expect(response.status).toBe(404);
  });
});

describe("the published contract", () => {
  it("lists the settings and sales-entry routes with their schemas", async () => {
    const { app } = await createTestApp();
    const document = await jsonOf<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>(await app.request("/openapi.json"));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/v1/divisions/{division}/settings",
        "/v1/divisions/{division}/sales-entries",
        "/v1/divisions/{division}/sales-entries/{invoiceNumber}",
        "/v1/divisions/{division}/sales-entries/{invoiceNumber}/retry",
      ]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Invoice", "InvoiceLine", "SalesEntry", "SalesEntryList", "DivisionSettings"]),
    );
  });
});
