import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { salesEntries } from "../db/schema";
import { syncDivision } from "../services/mirror/sync-division";
import {
  type SalesFixture,
  SIM_DIVISION,
  simSettings,
  startSalesFixture,
} from "../services/sales-entries/sim-fixture";
import { deskInvoice, jsonRequest } from "../services/sales-entries/testing";
import { errorOf, jsonOf } from "../testing/http";

let fixture: SalesFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

interface Attention {
  bookings: { ready: boolean; missing: string[] };
  counts: { pushes: number; conflicts: number; suggestions: number; problems: number };
  items: {
    kind: string;
    reason: string;
    action: string;
    message: string;
    invoiceNumber: string | null;
    accounts: { id: string; name: string }[];
  }[];
}

const divisionPath = `/v1/divisions/${SIM_DIVISION}`;
const attention = async (f: SalesFixture) =>
  jsonOf<Attention>(
    await f.harness.app.request(`${divisionPath}/attention`, jsonRequest("GET", f.tenant.tokens.bookkeeper)),
  );
const retry = (f: SalesFixture, invoiceNumber: string) =>
  f.harness.app.request(
    `${divisionPath}/sales-entries/${invoiceNumber}/retry`,
    jsonRequest("POST", f.tenant.tokens.bookkeeper),
  );
const pushes = (data: Attention) => data.items.filter((item) => item.kind === "push");

describe("GET /v1/divisions/{division}/attention, and a retry that waits for the cause to be fixed", () => {
  it("lists an invoice whose customer only matches a prospect with that account, refuses its retry until it is linked, then books it", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    const prospect = f.sim.control.insertAccount(SIM_DIVISION, {
      Name: "Prospect B.V.",
      SearchCode: "7007",
      Status: "P",
    });
    await syncDivision(f.harness.deps, { ...f.scope, kind: "incremental" });
    await f.submit(
      "2026-0300",
      deskInvoice({ customer: { number: "7007", name: "Prospect", country: "NL" } }),
    );
    expect(await f.push()).toMatchObject({ needsReview: 1 });

    const parked = await attention(f);
    expect(parked.bookings).toEqual({ ready: true, missing: [] });
    expect(parked.counts).toMatchObject({ pushes: 1, problems: parked.counts.conflicts + 1 });
    expect(pushes(parked)).toEqual([
      expect.objectContaining({
        reason: "customer_needs_review",
        action: "link_account",
        invoiceNumber: "2026-0300",
        accounts: [expect.objectContaining({ id: prospect.ID.toLowerCase(), name: "Prospect B.V." })],
        message: expect.stringContaining("prospect"),
        reasons: expect.arrayContaining([
          expect.objectContaining({
            code: "not_a_customer",
            accountId: prospect.ID.toLowerCase(),
            params: { status: "P" },
          }),
        ]),
      }),
    ]);

    const panel = async () =>
      jsonOf<{
        problems: { invoiceNumber: string; reason: string }[];
        invoices: { state: string; paid: string }[];
      }>(
        await f.harness.app.request(
          `${divisionPath}/accounts/${encodeURIComponent(`{${prospect.ID.toUpperCase()}}`)}/invoices`,
          jsonRequest("GET", f.tenant.tokens.bookkeeper),
        ),
      );
    expect(await panel()).toEqual({
      problems: [expect.objectContaining({ invoiceNumber: "2026-0300", reason: "customer_needs_review" })],
      invoices: [],
    });

    f.sim.control.resetCalls();
    const refused = await retry(f, "2026-0300");
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({
      reason: "customer_needs_review",
      params: { customer: "7007" },
      details: { reason: "customer_needs_review", customerNumber: "7007" },
    });
    expect(f.exactCalls()).toEqual([]);
    expect((await jsonOf<{ state: string }>(await f.read("2026-0300"))).state).toBe("needs_review");

    const promoted = await f.harness.app.request(
      `${divisionPath}/accounts/${prospect.ID}/promote-and-link`,
      jsonRequest("POST", f.tenant.tokens.bookkeeper, { customerNumber: "7007" }),
    );
    expect(promoted.status).toBe(200);
    expect((await retry(f, "2026-0300")).status).toBe(202);
    expect(await f.push()).toMatchObject({ pushed: 1 });
    expect(f.entriesWithYourRef("2026-0300")).toHaveLength(1);
    expect(pushes(await attention(f))).toEqual([]);
    expect(await panel()).toEqual({
      problems: [],
      invoices: [expect.objectContaining({ invoiceNumber: "2026-0300", state: "pushed", paid: "unknown" })],
    });
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0300");
    await f.checkPaid(0);
    expect((await panel()).invoices).toEqual([expect.objectContaining({ state: "pushed", paid: "paid" })]);
  });

  it("lists an invoice the settings no longer book as a settings problem, refuses its retry until they do", async () => {
    fixture = await startSalesFixture({ customers: ["1042"] });
    const f = fixture;
    await f.submit("2026-0153", deskInvoice());
    const saveSettings = (settings: unknown) =>
      f.harness.app.request(
        `${divisionPath}/settings`,
        jsonRequest("PUT", f.tenant.tokens.bookkeeper, settings),
      );
    const { meeting_room: _, ...withoutMeetingRooms } = simSettings.glMapping;
    expect((await saveSettings({ ...simSettings, glMapping: withoutMeetingRooms })).status).toBe(200);
    expect(await f.push()).toMatchObject({ failed: 1 });

    expect(pushes(await attention(f))).toEqual([
      expect.objectContaining({
        reason: "booking_settings",
        action: "fix_settings",
        message: expect.stringContaining('"meeting_room" is not in the division\'s GL mapping'),
      }),
    ]);
    const refused = await retry(f, "2026-0153");
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({
      reason: "invoice_not_bookable",
      params: { invoice: "2026-0153" },
      details: {
        reason: "booking_settings",
        problems: [expect.objectContaining({ path: "body.lines[1].revenueKey" })],
      },
    });

    expect((await saveSettings(simSettings)).status).toBe(200);
    expect((await retry(f, "2026-0153")).status).toBe(202);
    expect(await f.push()).toMatchObject({ pushed: 1 });
    expect((await attention(f)).counts.pushes).toBe(0);
  });

  it("gives invoices parked before their reasons were kept a reason told from what they kept, rewriting no row", async () => {
    fixture = await startSalesFixture();
    const f = fixture;
    const kept = [
      // A match that threw, parked with only the error's kind.
      [
        "2026-0401",
        "needs_review",
        "Customer 7007 is being created by another request.",
        { error: "conflict" },
      ],
      // An attempt that threw one of ours without a reason, and one that kept only a storage code.
      ["2026-0402", "failed", "The division's settings are gone.", { code: "not_found" }],
      ["2026-0403", "failed", "Gave up after 8 attempts: storage_busy", null],
      ["2026-0404", "failed", "Gave up after 8 attempts: Cannot read properties of undefined", null],
    ] as const;
    for (const [invoiceNumber, state, lastError, lastErrorDetails] of kept) {
      await f.submit(invoiceNumber, deskInvoice());
      await f.harness.deps.db
        .update(salesEntries)
        .set({ state, lastError, lastErrorDetails })
        .where(eq(salesEntries.invoiceNumber, invoiceNumber));
    }
    const stored = async () =>
      f.harness.deps.db
        .select({ lastError: salesEntries.lastError, details: salesEntries.lastErrorDetails })
        .from(salesEntries)
        .orderBy(salesEntries.invoiceNumber);
    const before = await stored();

    const items = pushes(await attention(f)) as unknown as { invoiceNumber: string; error: unknown }[];
    const errors = Object.fromEntries(items.map((item) => [item.invoiceNumber, item.error]));
    expect(errors).toEqual({
      "2026-0401": { reason: "match_failed", params: { kind: "conflict" } },
      "2026-0402": { reason: "attempt_failed", params: { kind: "not_found" } },
      "2026-0403": { reason: "storage_busy", params: {} },
      "2026-0404": { reason: "internal", params: {} },
    });
    expect(await stored()).toEqual(before);
  });
});
