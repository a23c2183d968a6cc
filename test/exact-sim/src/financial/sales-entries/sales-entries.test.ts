import { describe, expect, it } from "vitest";
import type { ExactSimulatorOptions } from "../../options";
import { DIVISION, type Json, ORIGIN, q, testSim } from "../../testing/test-sim";

const base = `/api/v1/${DIVISION}`;

function setup(options: ExactSimulatorOptions = {}) {
  const env = testSim(options);
  const financial = env.sim.state.requireDivision(DIVISION).financial;
  const revenue = financial.glAccountByCode("8000")!;
  const catering = financial.glAccountByCode("8110")!;
  const debtors = financial.glAccountByCode("1300")!;
  const customer = env.sim.control.insertAccount(DIVISION, { Name: "Klant BV", Status: "C" });
  const post = (body: Record<string, unknown>) =>
    env.api(`${base}/salesentry/SalesEntries`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { Prefer: "return=representation" },
    });
  const entry = (overrides: Record<string, unknown> = {}) => ({
    Journal: "70",
    Customer: customer.ID,
    EntryDate: "2026-06-24",
    YourRef: "2026-0153",
    Description: "Factuur juni",
    SalesEntryLines: [
      { GLAccount: revenue.ID, AmountFC: 1000, Description: "Kantoorruimte juni", VATCode: "2" },
      { GLAccount: catering.ID, AmountFC: 55.55, Description: "Lunch" },
    ],
    ...overrides,
  });
  return { env, financial, revenue, catering, debtors, customer, post, entry };
}

const message = async (response: Response) => ((await response.json()) as Json).error.message.value;

describe("salesentry/SalesEntries POST", () => {
  it("takes the VAT out of a line booked with an including VAT code (Type I): the entry totals what was sent", async () => {
    const { env, financial, revenue, post, entry } = setup();
    financial.vatCodes.push({
      ...financial.vatCode("2")!,
      ID: "5d0c6a3e-2b1f-4e8a-9c7d-1f2e3a4b5c6d",
      Code: "2I ",
      Type: "I",
    });
    const response = await post(
      entry({ SalesEntryLines: [{ GLAccount: revenue.ID, AmountFC: 121, VATCode: "2I" }] }),
    );
    expect(response.status).toBe(201);
    const { d } = (await response.json()) as Json;
    expect([d.AmountFC, d.VATAmountFC]).toEqual([121, 21]);
    expect(env.sim.calls.count({ status: 201 })).toBe(1);
  });

  it("refuses a Description, YourRef or line Description longer than kept with a 500 naming it, creating nothing", async () => {
    const { env, revenue, post, entry } = setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ Description: "D".repeat(61) }, "Te lang: Omschrijving (maximaal 60 tekens)"],
      [{ YourRef: "R".repeat(41) }, "Te lang: Uw ref. (maximaal 40 tekens)"],
      [
        { SalesEntryLines: [{ GLAccount: revenue.ID, AmountFC: 10, Description: "L".repeat(61) }] },
        "Te lang: Omschrijving (maximaal 60 tekens)",
      ],
    ];
    for (const [overrides, expected] of cases) {
      const response = await post(entry(overrides));
      expect(response.status).toBe(500);
      expect(await message(response)).toBe(expected);
    }
    expect(env.sim.control.salesEntries(DIVISION)).toEqual([]);
    const fits = await post(entry({ Description: "D".repeat(60), YourRef: "R".repeat(40) }));
    expect(fits.status).toBe(201);
  });

  it("cuts overlong texts instead when configured to (the lenient reading)", async () => {
    const { post, entry } = setup({ fieldLimits: { overflow: "truncate" } });
    const response = await post(entry({ Description: `${"D".repeat(60)}EXTRA` }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as Json).d.Description).toBe("D".repeat(60));
  });

  it("books an entry with inline lines: VAT per line, total incl. VAT, entry number from the journal", async () => {
    const { post, entry, customer } = setup();
    const response = await post(entry());
    expect(response.status).toBe(201);
    const body: Json = (await response.json()).d;
    expect(body.EntryID).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.EntryNumber).toBe(26700001);
    expect(body.InvoiceNumber).toBe(26700001);
    expect(body.Journal).toBe("70");
    expect(body.Customer).toBe(customer.ID);
    expect(body.Type).toBe(20);
    // 1000 × 21 % = 210; 55.55 on the 9 % catering account = 5.00 (4.9995 rounded) → 1055.55 + 215.00
    expect(body.VATAmountFC).toBe(215);
    expect(body.AmountFC).toBe(1270.55);
    expect(body.EntryDate).toBe(`/Date(${Date.UTC(2026, 5, 24)})/`);
    expect(body.SalesEntryLines.__deferred.uri).toBe(
      `${ORIGIN}${base}/salesentry/SalesEntries(guid'${body.EntryID}')/SalesEntryLines`,
    );
    const second: Json = (await (await post(entry({ YourRef: "2026-0154" }))).json()).d;
    expect(second.EntryNumber).toBe(26700002);
  });

  it("answers 200 with only the EntryID filled when Prefer: return=representation is missing", async () => {
    const { env, entry, financial } = setup();
    const response = await env.api(`${base}/salesentry/SalesEntries`, {
      method: "POST",
      body: JSON.stringify(entry()),
    });
    expect(response.status).toBe(200);
    const body: Json = (await response.json()).d;
    expect(body.EntryID).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.EntryNumber).toBeNull();
    expect(body.AmountFC).toBeNull();
    expect(financial.salesEntries.get(body.EntryID)?.EntryNumber).toBe(26700001);
  });

  it("accepts negative lines as a credit note (Type 21)", async () => {
    const { post, entry, revenue } = setup();
    const body: Json = (
      await (
        await post(
          entry({ Type: 21, Journal: "71", SalesEntryLines: [{ GLAccount: revenue.ID, AmountFC: -100 }] }),
        )
      ).json()
    ).d;
    expect(body).toMatchObject({ Type: 21, AmountFC: -121, VATAmountFC: -21, Journal: "71" });
  });

  it.each([
    [
      "the journal given by GUID",
      (s: ReturnType<typeof setup>) => ({ Journal: s.financial.journalByCode("70")!.ID }),
      "Ongeldige referentie: Journals",
    ],
    ["an unknown journal", () => ({ Journal: "77" }), "Ongeldige referentie: Journals"],
    ["a purchase journal", () => ({ Journal: "60" }), "Ongeldig: Dagboek"],
    [
      "an unknown customer",
      () => ({ Customer: "00000000-0000-0000-0000-000000000009" }),
      "Ongeldige referentie: Accounts",
    ],
    ["no lines", () => ({ SalesEntryLines: [] }), "Verplicht: Boekingsregels"],
    [
      "a balance-sheet G/L account",
      (s: ReturnType<typeof setup>) => ({ SalesEntryLines: [{ GLAccount: s.debtors.ID, AmountFC: 10 }] }),
      "Ongeldig: Grootboekrekeningtype",
    ],
    [
      "an unknown VAT code",
      (s: ReturnType<typeof setup>) => ({
        SalesEntryLines: [{ GLAccount: s.revenue.ID, AmountFC: 10, VATCode: "99" }],
      }),
      "Ongeldige referentie: VATCodes",
    ],
    [
      "a line without amount",
      (s: ReturnType<typeof setup>) => ({ SalesEntryLines: [{ GLAccount: s.revenue.ID }] }),
      "Verplicht: Bedrag",
    ],
  ])("refuses %s with a 500 and a Dutch message", async (_, overrides, expected) => {
    const s = setup();
    const response = await s.post(s.entry(overrides(s)));
    expect(response.status).toBe(500);
    expect(await message(response)).toBe(expected);
    expect(s.financial.salesEntries.size).toBe(0);
  });

  it("keeps a requested invoice number above the sequence, and silently replaces a lower one", async () => {
    const { post, entry } = setup();
    const high: Json = (await (await post(entry({ InvoiceNumber: 26709000 }))).json()).d;
    expect(high.InvoiceNumber).toBe(26709000);
    const low: Json = (await (await post(entry({ InvoiceNumber: 26700005 }))).json()).d;
    expect(low.InvoiceNumber).toBe(26709001);
  });
});

describe("salesentry/SalesEntries GET", () => {
  it("finds entries by YourRef, including or-chains, and by EntryID; expands lines", async () => {
    const { env, post, entry } = setup();
    const ids: string[] = [];
    for (const ref of ["A-1", "A-2", "A-3"])
      ids.push(((await (await post(entry({ YourRef: ref }))).json()) as Json).d.EntryID);
    const byRef: Json = await env.json(
      `${base}/salesentry/SalesEntries?$select=EntryID,YourRef&$filter=${q("YourRef eq 'A-1' or YourRef eq 'A-3'")}`,
    );
    expect(byRef.d.results.map((r: Json) => r.YourRef).sort()).toEqual(["A-1", "A-3"]);
    const byId: Json = await env.json(
      `${base}/salesentry/SalesEntries?$select=EntryNumber&$filter=${q(`EntryID eq guid'${ids[1]}'`)}`,
    );
    expect(byId.d.results).toHaveLength(1);
    const expanded: Json = await env.json(
      `${base}/salesentry/SalesEntries(guid'${ids[0]}')?$expand=SalesEntryLines`,
    );
    expect(expanded.d.SalesEntryLines.results).toHaveLength(2);
    expect(expanded.d.SalesEntryLines.results[0]).toMatchObject({
      EntryID: ids[0],
      GLAccountCode: expect.any(String),
    });
    const lines: Json = await env.json(
      `${base}/salesentry/SalesEntries(guid'${ids[0]}')/SalesEntryLines?$select=AmountFC,VATAmountFC`,
    );
    expect(lines.d.results.map((l: Json) => l.AmountFC).sort()).toEqual([1000, 55.55]);
  });
});

describe("read/financial/ReceivablesList", () => {
  it("lists unpaid entries, shows what is left of partly paid ones and drops paid ones", async () => {
    const { env, post, entry } = setup();
    for (const ref of ["R-1", "R-2", "R-3"]) await post(entry({ YourRef: ref }));
    env.sim.control.markSalesEntryPaid(DIVISION, "R-1");
    env.sim.control.markSalesEntryPaid(DIVISION, "R-2", 1000);
    const list: Json = await env.json(
      `${base}/read/financial/ReceivablesList?$select=HID,YourRef,Amount,EntryNumber,InvoiceNumber,AccountId,JournalCode`,
    );
    expect(list.d.results.map((r: Json) => [r.YourRef, r.Amount])).toEqual([
      ["R-2", 270.55],
      ["R-3", 1270.55],
    ]);
    expect(list.d.results[0]).toMatchObject({ JournalCode: "70", EntryNumber: 26700002 });
    env.sim.control.markSalesEntryUnpaid(DIVISION, "R-1");
    const again: Json = await env.json(`${base}/read/financial/ReceivablesList?$select=YourRef`);
    expect(again.d.results.map((r: Json) => r.YourRef)).toEqual(["R-1", "R-2", "R-3"]);
  });

  it("cashflow/Receivables keeps paid receivables (IsFullyPaid), splits a part payment, and has none for a deleted entry", async () => {
    const { env, post, entry } = setup();
    for (const ref of ["C-1", "C-2", "C-3", "C-4"]) await post(entry({ YourRef: ref }));
    env.sim.control.markSalesEntryPaid(DIVISION, "C-1");
    env.sim.control.markSalesEntryPaid(DIVISION, "C-2", 1000);
    const gone = env.sim.control.salesEntries(DIVISION).find((e) => e.YourRef === "C-4")!;
    env.sim.state.divisions.get(DIVISION)!.financial.removeSalesEntry(gone.EntryID);
    const list: Json = await env.json(
      `${base}/cashflow/Receivables?$select=TransactionEntryID,YourRef,IsFullyPaid,AmountFC,Status`,
    );
    const rows = list.d.results.map((r: Json) => [r.YourRef, r.IsFullyPaid, r.AmountFC]);
    expect(rows.sort()).toEqual([
      ["C-1", true, 1270.55],
      ["C-2", false, 270.55],
      ["C-2", true, 1000],
      ["C-3", false, 1270.55],
    ]);
    const c1 = env.sim.control.salesEntries(DIVISION).find((e) => e.YourRef === "C-1")!;
    const byEntry: Json = await env.json(
      `${base}/cashflow/Receivables?$select=TransactionEntryID,IsFullyPaid&$filter=${q(`TransactionEntryID eq guid'${c1.EntryID}'`)}`,
    );
    expect(byEntry.d.results).toEqual([
      expect.objectContaining({ TransactionEntryID: c1.EntryID, IsFullyPaid: true }),
    ]);
  });

  it("refuses to delete a customer that has sales entries", async () => {
    const { env, post, entry, customer } = setup();
    await post(entry());
    const response = await env.api(`${base}/crm/Accounts(guid'${customer.ID}')`, { method: "DELETE" });
    expect(response.status).toBe(500);
    expect(await message(response)).toContain("Kan niet verwijderen");
  });
});

describe("exactly-once creation under faults", () => {
  it("a POST that fails after the write leaves an entry that a YourRef lookup finds", async () => {
    const { env, post, entry } = setup();
    env.sim.control.addFault({
      path: "salesentry/SalesEntries",
      method: "POST",
      action: "statusAfterWrite",
      status: 503,
      times: 1,
    });
    expect((await post(entry({ YourRef: "ONCE-1" }))).status).toBe(503);
    const lookup: Json = await env.json(
      `${base}/salesentry/SalesEntries?$select=EntryID&$filter=${q("YourRef eq 'ONCE-1'")}`,
    );
    expect(lookup.d.results).toHaveLength(1);
  });
});
