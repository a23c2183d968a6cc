import { randomBytes } from "node:crypto";
import {
  type ControllableClock,
  createAcceleratedClock,
  type ExactSimulatorOptions,
  type RunningSimulator,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startExactSimulator,
} from "@zapfloor-exact/exact-sim";
import type { ExactRuntimeOptions } from "../exact/runtime";
import type { ExactAppConfig } from "../exact-app";
import { finishConnect } from "../services/exact-connection/finish-connect";
import { startConnect } from "../services/exact-connection/start-connect";
import { type CreatedTenant, createTenant } from "../services/tenants/create-tenant";
import { createTestApp } from "./test-app";

export interface SimHarnessOptions {
  /** Shared by the simulator and the proxy, so that accelerated time means the same thing to both. */
  clock?: ControllableClock;
  sim?: ExactSimulatorOptions;
  exact?: Partial<Omit<ExactRuntimeOptions, "db" | "clock" | "logger" | "app">>;
  databaseUrl?: string;
  secretKey?: Buffer;
}

/**
 * The proxy's app on a fresh database, talking real HTTP on loopback to an Exact Online simulator: the
 * setting of every integration test. `connectTenant` goes through the real OAuth consent.
 */
export async function startSimHarness(options: SimHarnessOptions = {}) {
  const clock = options.clock ?? createAcceleratedClock({ speed: 1 });
  const simulator: RunningSimulator = await startExactSimulator({ port: 0, clock, ...options.sim });
  const exactApp: ExactAppConfig = {
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    redirectUri: "http://proxy.test/exact/callback",
    webhookSecret: simulator.sim.options.apps[0]?.webhookSecret ?? "",
    baseUrl: simulator.url,
    sandbox: false,
  };
  const secretKey = options.secretKey ?? randomBytes(32);
  const test = await createTestApp({
    clock,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    exact: { app: exactApp, secretKey, ...options.exact },
  });

  async function connectTenant(name = "Flexwerk"): Promise<CreatedTenant> {
    const tenant = await createTenant(test.deps, { name });
    const { authorizeUrl } = await startConnect(test.deps, {
      tenantId: tenant.tenantId,
      host: "start.exactonline.nl",
    });
    const consent = await fetch(authorizeUrl, { redirect: "manual" });
    const back = new URL(consent.headers.get("location") ?? "");
    await finishConnect(test.deps, {
      code: back.searchParams.get("code") ?? "",
      state: back.searchParams.get("state") ?? "",
    });
    return tenant;
  }

  return {
    ...test,
    clock,
    simulator,
    sim: simulator.sim,
    exactApp,
    secretKey,
    connectTenant,
    /** Stops everything, then fails the test if Exact was sent a request it answered with a client error no
     * test asked for (`sim.calls.expectClientErrors`): such answers count toward Exact's error block. */
    async close() {
      await test.deps.jobs.stop();
      await simulator.close();
      test.database.close();
      const unexpected = simulator.sim.calls.unexpectedClientErrors();
      if (unexpected.length) {
        const list = unexpected.map((call) => `${call.method} ${call.endpoint} → ${call.status}`).join(", ");
        throw new Error(`The simulator answered ${unexpected.length} unexpected client error(s): ${list}`);
      }
    },
  };
}

export type SimHarness = Awaited<ReturnType<typeof startSimHarness>>;
