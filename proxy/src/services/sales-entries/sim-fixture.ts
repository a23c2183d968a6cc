import type { ControllableClock, ExactSimulatorOptions } from "@zapfloor-exact/exact-sim";
import type { ExactRuntimeOptions } from "../../exact/runtime";
import { startSimHarness } from "../../testing/sim-harness";
import { matchOrCreateForPush } from "../matching/link-customer-for-push";
import { syncDivision } from "../mirror/sync-division";
import type { RetryPolicy } from "./attempt-errors";
import { checkPaidState, type PaidCheckOptions } from "./check-paid";
import { type PushOptions, pushDueEntries } from "./push-entries";
import { jsonRequest } from "./testing";

export const SIM_DIVISION = 3_100_001;

/** The simulator's Dutch ledger: journals 70 and 71, revenue accounts 8010/8020, VAT codes 0, 1, 2 and 4. */
export const simSettings = {
  salesJournal: "70",
  creditNoteJournal: "71",
  glMapping: { desk: "8010", meeting_room: "8020", catering: "8110" },
  vatMapping: { rates: { "21": "2", "9": "1", "0": "0" }, international: "4" },
};

/** Fast retries for tests: the worker's policy with delays in milliseconds. */
export const quickRetry: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 20,
  maxDelayMs: 200,
  budgetSpentDelayMs: 1000,
  unknownOutcomeDelayMs: 0,
};

export interface SalesFixtureOptions {
  clock?: ControllableClock;
  sim?: ExactSimulatorOptions;
  exact?: Partial<Omit<ExactRuntimeOptions, "db" | "clock" | "logger" | "app">>;
  databaseUrl?: string;
  /** Customer accounts in the division, by SearchCode (the zapfloor number match-or-create finds them by). */
  customers?: string[];
  /** Generated accounts besides them. */
  accounts?: number;
  retry?: RetryPolicy;
}

/**
 * A tenant connected through OAuth to a simulated Dutch division whose mirror is loaded and whose settings are
 * saved (journals, GL accounts and VAT codes read from the simulator): ready to submit and push invoices.
 */
export async function startSalesFixture(options: SalesFixtureOptions = {}) {
  const harness = await startSimHarness({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.exact ? { exact: options.exact } : {}),
    sim: { seed: { seed: 11, divisions: [] }, ...options.sim },
  });
  try {
    harness.sim.control.addDivision({
      code: SIM_DIVISION,
      name: "Flexwerk Utrecht B.V.",
      accounts: options.accounts ?? 0,
      country: "NL",
    });
    const accountIds = new Map<string, string>();
    for (const number of options.customers ?? []) {
      const account = harness.sim.control.insertAccount(SIM_DIVISION, {
        Name: `Klant ${number} B.V.`,
        SearchCode: number,
        Status: "C",
        IsSales: true,
        Country: "NL",
      });
      accountIds.set(number, account.ID.toLowerCase());
    }
    const tenant = await harness.connectTenant();
    const scope = { tenantId: tenant.tenantId, division: SIM_DIVISION };
    await syncDivision(harness.deps, scope);
    const saved = await harness.app.request(
      `/v1/divisions/${SIM_DIVISION}/settings`,
      jsonRequest("PUT", tenant.tokens.bookkeeper, simSettings),
    );
    if (saved.status !== 200) throw new Error(`settings: ${saved.status} ${await saved.text()}`);
    harness.sim.control.resetCalls();

    const pushOptions = (overrides: Partial<PushOptions> = {}): PushOptions => ({
      owner: harness.deps.exact.instanceId,
      leaseMs: 60_000,
      batchSize: 100,
      retry: options.retry ?? quickRetry,
      linkCustomer: matchOrCreateForPush,
      ...overrides,
    });

    return {
      harness,
      sim: harness.sim,
      tenant,
      scope,
      division: SIM_DIVISION,
      accountIds,
      submit: (invoiceNumber: string, body: unknown) =>
        harness.app.request(
          `/v1/divisions/${SIM_DIVISION}/sales-entries/${invoiceNumber}`,
          jsonRequest("PUT", tenant.tokens.integration, body),
        ),
      read: (invoiceNumber: string) =>
        harness.app.request(
          `/v1/divisions/${SIM_DIVISION}/sales-entries/${invoiceNumber}`,
          jsonRequest("GET", tenant.tokens.bookkeeper),
        ),
      pushOptions,
      push: (overrides: Partial<PushOptions> = {}) => pushDueEntries(harness.deps, pushOptions(overrides)),
      checkPaid: (intervalMs = 3_600_000, recheckPaid?: PaidCheckOptions["recheckPaid"]) =>
        checkPaidState(harness.deps, { intervalMs, batchSize: 500, ...(recheckPaid ? { recheckPaid } : {}) }),
      /** Exact calls the simulator answered for the division since the fixture was ready (or the last reset). */
      exactCalls: () => harness.sim.control.calls({ division: SIM_DIVISION }),
      /** What the simulated Exact holds: the sales entries with this YourRef. */
      entriesWithYourRef: (yourRef: string) =>
        harness.sim.control.salesEntries(SIM_DIVISION).filter((entry) => entry.YourRef === yourRef),
      close: () => harness.close(),
    };
  } catch (error) {
    await harness.close();
    throw error;
  }
}

export type SalesFixture = Awaited<ReturnType<typeof startSalesFixture>>;
