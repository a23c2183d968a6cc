import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { linkOfCustomer } from "../../db/link-store";
import { salesEntries } from "../../db/schema";
import { jsonOf } from "../../testing/http";
import { matchOrCreateForPush } from "../matching/link-customer-for-push";
import type { LinkCustomer } from "./customer-link";
import { claimDueEntries, markPostSent } from "./outbox-store";
import { type SalesFixture, SIM_DIVISION, simSettings, startSalesFixture } from "./sim-fixture";
import { deskCreditNote, deskInvoice, jsonRequest } from "./testing";

let fixture: SalesFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const unlimited = { minutely: 1_000_000, daily: 100_000_000 };
type Entry = {
  state: string;
  attempts: number;
  lastError: { message: string } | null;
  exact: { entryId: string | null; entryNumber: number | null };
};
const count = (calls: { method: string; endpoint: string }[], method: string, endpoint: string) =>
  calls.filter((call) => call.method === method && call.endpoint === endpoint).length;

describe("pushing entries to Exact", () => {
  it("books an invoice in the sales journal and a credit note in the credit-note journal with negative amounts", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    expect((await f.submit("2026-0153", deskInvoice())).status).toBe(202);
    expect((await f.submit("2026-0154", deskCreditNote())).status).toBe(202);

    expect(await f.push()).toMatchObject({ claimed: 2, pushed: 2, failed: 0 });

    const [invoice] = f.entriesWithYourRef("2026-0153");
    expect(invoice).toMatchObject({
      Journal: "70",
      Type: 20,
      Customer: f.accountIds.get("1042"),
      AmountFC: 587.46,
      VATAmountFC: 101.96,
      Description: "March 2026",
      EntryDate: expect.stringContaining("2026-03-01"),
    });
    expect(
      invoice?.lines.map((line) => [
        line.GLAccountCode,
        line.AmountFC,
        line.VATCode?.trim(),
        line.VATAmountFC,
      ]),
    ).toEqual([
      ["8010", 450, "2", 94.5],
      ["8020", 35.5, "2", 7.46],
    ]);
    const [credit] = f.entriesWithYourRef("2026-0154");
    expect(credit).toMatchObject({ Journal: "71", Type: 21, AmountFC: -587.46, VATAmountFC: -101.96 });

    const stored = await jsonOf<Entry>(await f.read("2026-0153"));
    expect(stored).toMatchObject({
      state: "pushed",
      attempts: 1,
      exact: { entryId: invoice?.EntryID, entryNumber: invoice?.EntryNumber },
    });

    // Never posted before, so nothing to look up: one POST each, nothing else.
    const calls = f.exactCalls();
    expect(calls.map((call) => `${call.method} ${call.endpoint}`).sort()).toEqual([
      "POST salesentry/SalesEntries",
      "POST salesentry/SalesEntries",
    ]);
  });

  it("creates the customer through match-or-create when Exact has none, then books on it", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    await f.submit(
      "2026-0200",
      deskInvoice({ customer: { number: "5005", name: "Nieuw B.V.", country: "NL" } }),
    );
    expect(await f.push()).toMatchObject({ pushed: 1 });
    const created = f.sim.control.accounts(SIM_DIVISION).filter((account) => account.SearchCode === "5005");
    expect(created).toHaveLength(1);
    expect(f.entriesWithYourRef("2026-0200")[0]?.Customer).toBe(created[0]?.ID.toLowerCase());
  });

  it("finds the entry an earlier attempt booked when Exact's answer was lost, instead of booking it twice", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    f.sim.control.addFault({
      path: "salesentry/SalesEntries",
      method: "POST",
      action: "dropAfterWrite",
      times: 1,
    });
    await f.submit("2026-0153", deskInvoice());

    expect(await f.push()).toMatchObject({ claimed: 1, retrying: 1 });
    const waiting = await jsonOf<Entry>(await f.read("2026-0153"));
    expect(waiting).toMatchObject({
      state: "queued",
      attempts: 1,
      lastError: { message: expect.stringContaining("No answer") },
    });
    expect(f.entriesWithYourRef("2026-0153")).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await f.push()).toMatchObject({ claimed: 1, recovered: 1, pushed: 0 });
    expect(f.entriesWithYourRef("2026-0153")).toHaveLength(1);
    expect(await jsonOf<Entry>(await f.read("2026-0153"))).toMatchObject({
      state: "pushed",
      exact: { entryId: f.entriesWithYourRef("2026-0153")[0]?.EntryID },
    });
    expect(count(f.exactCalls(), "POST", "salesentry/SalesEntries")).toBe(1);
  });

  it("fails a refusal with Exact's message after checking nothing was booked, and books it on retry once fixed", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    const accountId = f.accountIds.get("1042")!;
    f.sim.control.updateAccount(SIM_DIVISION, accountId, { Blocked: true });
    await f.submit("2026-0153", deskInvoice());

    expect(await f.push()).toMatchObject({ failed: 1 });
    const failed = await jsonOf<Entry & { lastError: { exactMessage: string } }>(await f.read("2026-0153"));
    expect(failed).toMatchObject({
      state: "failed",
      lastError: { exactMessage: expect.stringContaining("Klant") },
    });
    // The POST, and the look-up that confirms nothing was booked.
    expect(count(f.exactCalls(), "GET", "salesentry/SalesEntries")).toBe(1);
    expect(await f.push()).toMatchObject({ claimed: 0 });

    f.sim.control.updateAccount(SIM_DIVISION, accountId, { Blocked: false });
    const retried = await f.harness.app.request(
      `/v1/divisions/${SIM_DIVISION}/sales-entries/2026-0153/retry`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${f.tenant.tokens.bookkeeper}` },
      },
    );
    expect(retried.status).toBe(202);
    expect(await f.push()).toMatchObject({ pushed: 1 });
    expect(f.entriesWithYourRef("2026-0153")).toHaveLength(1);
  });

  it("parks an entry whose customer only matches a prospect, without posting anything", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    f.sim.control.insertAccount(SIM_DIVISION, { Name: "Prospect B.V.", SearchCode: "7007", Status: "P" });
    const { syncDivision } = await import("../mirror/sync-division");
    await syncDivision(f.harness.deps, { ...f.scope, kind: "incremental" });
    f.sim.control.resetCalls();
    await f.submit(
      "2026-0300",
      deskInvoice({ customer: { number: "7007", name: "Prospect", country: "NL" } }),
    );

    expect(await f.push()).toMatchObject({ needsReview: 1 });
    const parked = await jsonOf<Entry>(await f.read("2026-0300"));
    expect(parked.state).toBe("needs_review");
    expect(parked.lastError?.message).toBeTruthy();
    expect(count(f.exactCalls(), "POST", "salesentry/SalesEntries")).toBe(0);
  });

  it("holds a division's invoices while its auto-push is off, and pushes them once it is switched on", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    const settingsPath = `/v1/divisions/${SIM_DIVISION}/settings`;
    const saveSettings = (autoPush: boolean) =>
      f.harness.app.request(
        settingsPath,
        jsonRequest("PUT", f.tenant.tokens.bookkeeper, { ...simSettings, autoPush }),
      );
    const off = await saveSettings(false);
    expect(off.status).toBe(200);
    expect(await jsonOf<{ autoPush: boolean }>(off)).toMatchObject({ autoPush: false });
    f.sim.control.resetCalls();

    expect((await f.submit("2026-0153", deskInvoice())).status).toBe(202);
    expect(await f.push()).toMatchObject({ claimed: 0, pushed: 0 });
    expect((await jsonOf<Entry>(await f.read("2026-0153"))).state).toBe("queued");
    expect(f.exactCalls()).toEqual([]);

    expect((await saveSettings(true)).status).toBe(200);
    expect(await f.push()).toMatchObject({ claimed: 1, pushed: 1 });
    expect((await jsonOf<Entry>(await f.read("2026-0153"))).state).toBe("pushed");
    expect(f.entriesWithYourRef("2026-0153")).toHaveLength(1);
  });

  it("shares due entries between two workers without booking any twice", async () => {
    // A database file: an in-memory database has one connection, which concurrent transactions cannot share.
    const folder = mkdtempSync(join(tmpdir(), "zfx-push-"));
    fixture = await startSalesFixture({
      databaseUrl: `file:${join(folder, "proxy.db")}`,
      customers: ["1042", "1043"],
      sim: { rateLimits: unlimited },
      exact: { limits: unlimited },
    });
    const f = fixture;
    // The customers are linked first, and the workers read the links: matching keeps its own transactions, which
    // two workers in one process would contend for on one database file.
    for (const number of ["1042", "1043"]) {
      await matchOrCreateForPush(f.harness.deps, {
        ...f.scope,
        customer: { number, name: "Klant" },
        actor: "test",
      });
    }
    const readLink: LinkCustomer = async (ctx, input) => {
      const link = await linkOfCustomer(ctx.db, input, input.customer.number);
      return link
        ? { status: "linked", exactAccountId: link.exactId }
        : { status: "review", reason: "not linked" };
    };
    for (let i = 1; i <= 40; i++) {
      const number = `2026-${String(i).padStart(4, "0")}`;
      const customer = { number: i % 2 ? "1042" : "1043", name: "Klant", country: "NL" };
      expect((await f.submit(number, deskInvoice({ customer }))).status).toBe(202);
    }
    const worker = (owner: string) => async () => {
      let total = 0;
      for (;;) {
        const result = await f.push({ owner, batchSize: 7, linkCustomer: readLink });
        if (result.claimed === 0) return total;
        total += result.pushed;
      }
    };
    const [a, b] = await Promise.all([worker("worker-a")(), worker("worker-b")()]);
    expect(a + b).toBe(40);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const entries = f.sim.control.salesEntries(SIM_DIVISION);
    expect(entries).toHaveLength(40);
    expect(new Set(entries.map((entry) => entry.YourRef)).size).toBe(40);
  });

  it("posts many entries never posted before with one call each, and no look-up", async () => {
    fixture = await startSalesFixture({
      customers: ["1042"],
      sim: { rateLimits: unlimited },
      exact: { limits: unlimited },
    });
    const f = fixture;
    for (let i = 1; i <= 150; i++) await f.submit(`INV-${String(i).padStart(6, "0")}`, deskInvoice());
    const result = await f.push({ batchSize: 150 });
    expect(result).toMatchObject({ claimed: 150, pushed: 150 });
    const calls = f.exactCalls();
    expect(count(calls, "POST", "salesentry/SalesEntries")).toBe(150);
    expect(count(calls, "GET", "salesentry/SalesEntries")).toBe(0);
    expect(result.calls).toBe(calls.length);
  });

  it("after a restored backup, finds an entry Exact already booked even though the database never saw it posted", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    await f.submit("2026-0153", deskInvoice());
    expect(await f.push()).toMatchObject({ pushed: 1 });
    // The backup was taken before the push: the entry is queued again, with no trace of its POST.
    await f.harness.deps.db
      .update(salesEntries)
      .set({ state: "queued", postSentAt: null, exactEntryId: null, pushedAt: null })
      .where(eq(salesEntries.invoiceNumber, "2026-0153"));
    expect(await f.push({ lookUpFirst: true })).toMatchObject({ claimed: 1, recovered: 1, pushed: 0 });
    expect(f.entriesWithYourRef("2026-0153")).toHaveLength(1);
  });

  it("looks up, in a few calls, the YourRefs of entries whose POST may have reached Exact before a worker died", async () => {
    fixture = await startSalesFixture({
      customers: ["1042"],
      sim: { rateLimits: unlimited },
      exact: { limits: unlimited },
    });
    const f = fixture;
    const numbers = Array.from({ length: 120 }, (_, i) => `INV-${String(i + 1).padStart(6, "0")}`);
    for (const number of numbers) await f.submit(number, deskInvoice());
    // A worker claimed them all and sent every POST, then died before recording any answer.
    const { db, clock } = f.harness.deps;
    const scope = { tenantId: f.tenant.tenantId, division: SIM_DIVISION };
    const lease = { owner: "dead", now: clock.now(), leaseMs: 1, limit: 200 };
    expect(await claimDueEntries(db, scope, lease)).toHaveLength(120);
    for (const number of numbers) {
      expect(await markPostSent(db, { ...scope, invoiceNumber: number }, "dead", clock.now())).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    const first = await f.push({ batchSize: 120 });
    expect(first).toMatchObject({ claimed: 120, pushed: 120 });
    const lookups = count(f.exactCalls(), "GET", "salesentry/SalesEntries");
    expect(lookups).toBeGreaterThan(0);
    expect(lookups).toBeLessThanOrEqual(3);
    expect(count(f.exactCalls(), "POST", "salesentry/SalesEntries")).toBe(120);
  });
});

describe("booked amounts", () => {
  it("puts an entry whose booked total differs from the invoice up for review, with both figures", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    // The bookkeeper changed code 2 in Exact after the settings were checked: Exact now books 9 % on it.
    f.sim.state.requireDivision(SIM_DIVISION).financial.vatCode("2")!.Percentage = 0.09;
    await f.submit("2026-0153", deskInvoice());

    expect(await f.push()).toMatchObject({ claimed: 1, pushed: 0 });

    const entry = await jsonOf<Entry & { lastError: { details: unknown } }>(await f.read("2026-0153"));
    expect(entry.state).toBe("needs_review");
    expect(entry.lastError.message).toMatch(
      /Exact booked 529\.20 including 43\.70 VAT .* totals 587\.46 including 101\.96 VAT/,
    );
    expect(entry.lastError.details).toMatchObject({
      exact: { totalInclVat: "529.20", vat: "43.70" },
      invoice: { totalInclVat: "587.46", vat: "101.96" },
    });
  });
});

describe("paid state", () => {
  it("reads back which pushed entries are paid in one call, and stops checking paid ones", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    for (const number of ["2026-0001", "2026-0002", "2026-0003"]) await f.submit(number, deskInvoice());
    await f.push();
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0001");
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0002", 500);
    f.sim.control.resetCalls();

    expect(await f.checkPaid()).toMatchObject({ checked: 3, paid: 1, calls: 1 });
    const paid = await jsonOf<{ paid: unknown }>(await f.read("2026-0001"));
    expect(paid.paid).toMatchObject({ status: "paid", outstanding: "0.00", paidAt: expect.any(String) });
    expect((await jsonOf<{ paid: unknown }>(await f.read("2026-0002"))).paid).toMatchObject({
      status: "open",
      outstanding: "87.46",
    });
    expect((await jsonOf<{ paid: unknown }>(await f.read("2026-0003"))).paid).toMatchObject({
      status: "open",
      outstanding: "587.46",
    });

    expect(await f.checkPaid()).toMatchObject({ checked: 0, calls: 0 });
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0002");
    expect(await f.checkPaid(0)).toMatchObject({ checked: 2, paid: 1, calls: 1 });
  });

  it("never takes an entry that Exact no longer has (deleted or reversed) for paid", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    for (const number of ["2026-0001", "2026-0002"]) await f.submit(number, deskInvoice());
    await f.push();
    const gone = f.sim.control.salesEntries(SIM_DIVISION).find((entry) => entry.YourRef === "2026-0001")!;
    f.sim.state.divisions.get(SIM_DIVISION)!.financial.removeSalesEntry(gone.EntryID);

    expect(await f.checkPaid()).toMatchObject({ checked: 2, paid: 0, withoutReceivable: 1 });
    expect((await jsonOf<{ paid: unknown }>(await f.read("2026-0001"))).paid).not.toMatchObject({
      status: "paid",
    });
  });
});
