import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom } from "@zapfloor-exact/shared/seeded-random";
import { afterAll, describe, expect, it } from "vitest";
import { salesEntries } from "../db/schema";
import { type SalesFixture, startSalesFixture } from "../services/sales-entries/sim-fixture";
import { deskCreditNote, deskInvoice } from "../services/sales-entries/testing";
import { freePort, harnessProxyEnv } from "../testing/processes";
import { type ProxyFleet, startProxyFleet } from "./outbox-worker-crash-processes";

const SEED = 20_260_301;
const KILLS = 50;
const INVOICES = 120;
const CUSTOMERS = ["1042", "1043", "1044", "1045"];
const unlimited = { minutely: 1_000_000, daily: 100_000_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fixture: SalesFixture | undefined;
let fleet: ProxyFleet | undefined;
const folder = mkdtempSync(join(tmpdir(), "zfx-crash-"));
afterAll(async () => {
  await fleet?.close();
  await fixture?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the outbox worker under SIGKILL", () => {
  it("books every accepted invoice exactly once while real proxy processes are killed at random moments", async () => {
    const random = seededRandom(SEED);
    const databaseUrl = `file:${join(folder, "proxy.db")}`;
    fixture = await startSalesFixture({
      databaseUrl,
      customers: CUSTOMERS,
      sim: { rateLimits: unlimited },
      exact: { limits: unlimited },
    });
    const f = fixture;
    const env = {
      HOST: "127.0.0.1",
      ...harnessProxyEnv(f.harness, databaseUrl),
      OUTBOX_POLL_MS: "50",
      OUTBOX_LEASE_MS: "2000",
      PAID_CHECK_MINUTES: "10080",
      SYNC_INTERVAL_MINUTES: "1440",
      LOG_LEVEL: "error",
    };
    fleet = await startProxyFleet(["a", "b"], [await freePort(), await freePort()], {
      sim: f.sim,
      division: f.division,
      env,
      random,
      maxLifeMs: 1500,
      killBeforeAnswer: 0.15,
      killAfterAnswer: 0.15,
    });
    const proxies = fleet;

    // Invoices trickle in as the kills go on, so that there is work in flight at every kill.
    const accepted = new Set<string>();
    const numbers = Array.from({ length: INVOICES }, (_, i) => `K-${String(i + 1).padStart(4, "0")}`);
    const bodyOf = (i: number) => {
      const customer = { number: CUSTOMERS[i % CUSTOMERS.length]!, name: "Klant", country: "NL" };
      return i % 6 === 5 ? deskCreditNote({ customer }) : deskInvoice({ customer });
    };
    const submitUntilAccepted = async (number: string, body: unknown) => {
      for (;;) {
        const slots = proxies.readySlots();
        const slot = slots[Math.floor(random() * slots.length)];
        if (!slot) {
          await sleep(25);
          continue;
        }
        try {
          const response = await fetch(
            `http://127.0.0.1:${slot.port}/v1/divisions/${f.division}/sales-entries/${number}`,
            {
              method: "PUT",
              headers: {
                authorization: `Bearer ${f.tenant.tokens.integration}`,
                "content-type": "application/json",
              },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(10_000),
            },
          );
          if (response.status === 202) {
            accepted.add(number);
            return;
          }
          if (response.status < 500)
            throw new Error(`${number}: ${response.status} ${await response.text()}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith(`${number}:`)) throw error;
        }
        await sleep(25);
      }
    };
    let next = 0;
    const submitter = async () => {
      while (next < numbers.length) {
        const i = next++;
        while (proxies.totalKills() < Math.floor((i * KILLS) / INVOICES)) await sleep(20);
        await submitUntilAccepted(numbers[i]!, bodyOf(i));
      }
    };
    const started = Date.now();
    await Promise.all([submitter(), submitter(), submitter()]);
    while (proxies.totalKills() < KILLS) await sleep(50);
    proxies.stopKilling();
    const killedFor = Date.now() - started;

    const pushedCount = async () =>
      (await f.harness.deps.db.select({ state: salesEntries.state }).from(salesEntries)).filter(
        (row) => row.state === "pushed",
      ).length;
    const deadline = Date.now() + 45_000;
    while ((await pushedCount()) < INVOICES && Date.now() < deadline) await sleep(100);
    const settledIn = Date.now() - started - killedFor;

    expect(proxies.unexpectedExits).toEqual([]);
    expect(accepted.size).toBe(INVOICES);
    expect(proxies.totalKills()).toBeGreaterThanOrEqual(50);
    expect(proxies.kills.beforeAnswer).toBeGreaterThanOrEqual(5);
    expect(proxies.kills.afterAnswer).toBeGreaterThanOrEqual(5);

    const rows = await f.harness.deps.db.select().from(salesEntries);
    expect(
      rows
        .filter((row) => row.state !== "pushed")
        .map((row) => [row.invoiceNumber, row.state, row.lastError]),
    ).toEqual([]);
    const booked = f.sim.control.salesEntries(f.division);
    const perYourRef = new Map<string, number>();
    for (const entry of booked)
      perYourRef.set(entry.YourRef ?? "", (perYourRef.get(entry.YourRef ?? "") ?? 0) + 1);
    expect([...perYourRef].filter(([, times]) => times !== 1)).toEqual([]);
    expect([...perYourRef.keys()].sort()).toEqual(numbers);
    const entryIdOf = new Map(booked.map((entry) => [entry.YourRef, entry.EntryID]));
    expect(rows.every((row) => row.exactEntryId === entryIdOf.get(row.invoiceNumber))).toBe(true);
    console.info(
      `kills: ${JSON.stringify(proxies.kills)} in ${killedFor} ms, settled ${settledIn} ms later; ` +
        `${rows.reduce((sum, row) => sum + row.attempts, 0)} attempts for ${INVOICES} invoices`,
    );
    // Fifty restarts of a proxy under tsx: about two minutes on a quiet two-core machine, far more on a busy one.
  }, 300_000);
});
