import type { CustomerInput } from "@zapfloor-exact/shared/schemas/customers";
import { syncDivision } from "../services/mirror/sync-division";
import type { CreatedTenant } from "../services/tenants/create-tenant";
import { type SimHarnessOptions, startSimHarness } from "./sim-harness";

export const LINKING_DIVISION = 7_200_001;

/** Account fields as Exact takes them (`Name`, `Status`, `VATNumber`, `SearchCode`, …). */
export type SimAccountFields = Record<string, unknown>;

export interface LinkingFixtureOptions extends SimHarnessOptions {
  /** The division's accounts, in order; their mirror ids come back in the same order. */
  accounts?: SimAccountFields[];
  /** zapfloor customers stored before the test starts. */
  customers?: Record<string, CustomerInput>;
  /** More (empty) divisions the consent covers, whose mirror is never loaded. */
  unloadedDivisions?: number[];
}

/**
 * A tenant connected to a simulated division holding exactly `accounts`, with the mirror fully loaded
 * and `customers` stored: the starting point of the matching, linking and overview tests. `call` sends a
 * request to the in-process app with a token and a JSON body.
 */
export async function startLinkingFixture(options: LinkingFixtureOptions = {}) {
  const { accounts = [], customers = {}, unloadedDivisions = [], ...harnessOptions } = options;
  // Only the divisions a test asks for: the simulator's demo divisions would be covered by the consent too.
  const harness = await startSimHarness({
    ...harnessOptions,
    sim: { seed: { seed: 7, divisions: [] }, ...harnessOptions.sim },
  });
  harness.sim.control.addDivision({
    code: LINKING_DIVISION,
    name: "Linking test B.V.",
    accounts: 0,
    country: "BE",
  });
  for (const code of unloadedDivisions) {
    harness.sim.control.addDivision({ code, name: `Unloaded ${code}`, accounts: 0, country: "BE" });
  }
  const ids = accounts.map((fields) =>
    harness.sim.control.insertAccount(LINKING_DIVISION, fields).ID.toLowerCase(),
  );
  const tenant: CreatedTenant = await harness.connectTenant();
  await syncDivision(harness.deps, { tenantId: tenant.tenantId, division: LINKING_DIVISION });

  const call = (token: string, method: string, path: string, body?: unknown) =>
    harness.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });

  for (const [number, customer] of Object.entries(customers)) {
    const stored = await call(tenant.tokens.integration, "PUT", `/v1/customers/${number}`, customer);
    if (stored.status >= 300)
      throw new Error(`storing customer ${number}: ${stored.status} ${await stored.text()}`);
  }

  /** Exact calls the simulator answered for the division since the fixture was ready (or the last reset). */
  const exactCalls = () => harness.sim.control.calls({ division: LINKING_DIVISION });
  harness.sim.control.resetCalls();

  return {
    harness,
    tenant,
    ids,
    division: LINKING_DIVISION,
    call,
    integration: (method: string, path: string, body?: unknown) =>
      call(tenant.tokens.integration, method, path, body),
    bookkeeper: (method: string, path: string, body?: unknown) =>
      call(tenant.tokens.bookkeeper, method, path, body),
    exactCalls,
    close: () => harness.close(),
  };
}

export type LinkingFixture = Awaited<ReturnType<typeof startLinkingFixture>>;
