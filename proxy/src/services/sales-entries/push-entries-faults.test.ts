import { afterEach, describe, expect, it } from "vitest";
import { createExactHttp } from "../../exact/http";
import { quickRetry, type SalesFixture, startSalesFixture } from "./sim-fixture";
import { deskCreditNote, deskInvoice } from "./testing";

let fixture: SalesFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const unlimited = { minutely: 1_000_000, daily: 100_000_000 };
const ENTRIES = 100;
/** The proxy gives up on an answer after this long; the slow fault answers later, after having booked the entry. */
const TIMEOUT_MS = 200;
const SLOW_MS = 400;

describe("pushing through an unreliable Exact", () => {
  it("books every entry exactly once with a fifth of the sales-entry calls failing: 5xx, dropped, timed out", async () => {
    let unanswered = 0;
    const http = createExactHttp({
      timeoutMs: TIMEOUT_MS,
      onExchange: (_request, status) => {
        if (status === "transport_error") unanswered++;
      },
    });
    fixture = await startSalesFixture({
      customers: ["1042", "1043", "1044"],
      sim: { rateLimits: unlimited, seed: { seed: 2026, divisions: [] } },
      exact: {
        limits: unlimited,
        http,
        retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 40 },
      },
      // An unanswered POST is looked up again only after Exact has surely finished it.
      retry: { ...quickRetry, maxAttempts: 12, unknownOutcomeDelayMs: SLOW_MS + 200 },
    });
    const f = fixture;
    for (let i = 1; i <= ENTRIES; i++) {
      const customer = { number: ["1042", "1043", "1044"][i % 3]!, name: "Klant", country: "NL" };
      const body = i % 5 === 0 ? deskCreditNote({ customer }) : deskInvoice({ customer });
      expect((await f.submit(`F-${String(i).padStart(4, "0")}`, body)).status).toBe(202);
    }

    // Each rule fires on its own chance; together about one sales-entry call in five fails.
    const path = "salesentry/SalesEntries*";
    for (const rule of [
      { action: "status" as const, status: 503 as const, probability: 0.04 },
      { action: "status" as const, status: 500 as const, probability: 0.04 },
      { action: "statusAfterWrite" as const, status: 502 as const, probability: 0.04 },
      { action: "drop" as const, probability: 0.03 },
      { action: "dropAfterWrite" as const, probability: 0.03 },
      { latencyMs: SLOW_MS, probability: 0.04 },
    ]) {
      f.sim.control.addFault({ path, ...rule });
    }

    const deadline = Date.now() + 60_000;
    let rounds = 0;
    for (;;) {
      const result = await f.push({ batchSize: 25 });
      rounds++;
      const states = await f.harness.app.request(`/v1/divisions/${f.division}/sales-entries?limit=500`, {
        headers: { authorization: `Bearer ${f.tenant.tokens.bookkeeper}` },
      });
      const { entries } = (await states.json()) as { entries: { state: string }[] };
      if (entries.every((entry) => entry.state === "pushed" || entry.state === "failed")) break;
      if (Date.now() > deadline) throw new Error(`not settled after ${rounds} rounds`);
      if (result.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const calls = f.exactCalls().filter((call) => call.endpoint.startsWith("salesentry/SalesEntries"));
    const faulted = calls.filter((call) => call.fault !== undefined).length;
    const dropped = calls.filter((call) => call.status === 0).length;
    const timedOut = unanswered - dropped;
    expect(faulted / calls.length).toBeGreaterThan(0.1);
    expect(timedOut).toBeGreaterThan(0);
    console.info(
      `${calls.length} sales-entry calls, ${faulted} failed by a fault, ${timedOut} timed out, ${rounds} rounds`,
    );

    const list = await f.harness.app.request(
      `/v1/divisions/${f.division}/sales-entries?limit=500&state=pushed`,
      {
        headers: { authorization: `Bearer ${f.tenant.tokens.bookkeeper}` },
      },
    );
    expect(((await list.json()) as { entries: unknown[] }).entries).toHaveLength(ENTRIES);
    const booked = f.sim.control.salesEntries(f.division);
    expect(booked).toHaveLength(ENTRIES);
    expect(new Set(booked.map((entry) => entry.YourRef)).size).toBe(ENTRIES);
    expect(
      booked
        .filter((entry) => entry.Type === 21)
        .every((entry) => entry.Journal === "71" && entry.AmountFC < 0),
    ).toBe(true);
    expect(f.sim.calls.summary()).toMatchObject({ rateLimited: 0 });
  });
});
