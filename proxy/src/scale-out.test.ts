import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createAcceleratedClock,
  type RunningSimulator,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startExactSimulator,
} from "@zapfloor-exact/exact-sim";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./db/client";
import { divisionSync, exactConnections } from "./db/schema";
import { silentLogger } from "./logger";
import { FULL_SYNC_COOLDOWN_MS } from "./services/mirror/full-sync-cooldown";
import { type CreatedTenant, createTenant } from "./services/tenants/create-tenant";
import { answer, giveConsent, receiveIn, sendTo } from "./testing/browser-consent";
import { createManualClock } from "./testing/manual-clock";
import { type ProxyProcess, startProxyProcess, startSqld } from "./testing/processes";
import { TEST_SECRET_KEY } from "./testing/secret-keys";

/**
 * Several stateless proxy replicas on one libSQL server: every piece of coordination (migrations, the OAuth
 * state, the token refresh, the division sync lease) goes through the database, not through one process.
 */
const DIVISIONS = [7_100_001, 7_100_002];
const clock = createAcceleratedClock({ speed: 1 });
let dir: string;
let sqld: Awaited<ReturnType<typeof startSqld>>;
let simulator: RunningSimulator;
let replicas: ProxyProcess[];
let database: Database;
let tenant: CreatedTenant;

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/**
 * The first load after a consent runs in the background on whichever replica took the consent. Two
 * replicas, a libSQL server and the simulator share the CI machine with other test files, so it may take a
 * while; a load that never finishes is reported with its last state.
 */
async function untilLoaded(divisions: number[]) {
  for (const division of divisions) {
    for (let waited = 0; ; waited += 100) {
      const response = await fetch(
        `${replicas[0]!.url}/v1/divisions/${division}/sync`,
        bearer(tenant.tokens.bookkeeper),
      );
      const state = (await response.json()) as { lastFullAt: string | null };
      if (state.lastFullAt) break;
      if (waited > LOAD_WAIT_MS)
        throw new Error(`division ${division} did not load: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const LOAD_WAIT_MS = 45_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scale-out-"));
  sqld = await startSqld(join(dir, "sqld"));
  simulator = await startExactSimulator({ port: 0, clock });
  for (const code of DIVISIONS)
    simulator.sim.control.addDivision({ code, name: `Replica ${code}`, accounts: 2_500 });
  const env = {
    DATABASE_URL: sqld.url,
    SECRET_KEY: TEST_SECRET_KEY,
    EXACT_CLIENT_ID: SANDBOX_CLIENT_ID,
    EXACT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    EXACT_BASE_URL: simulator.url,
    SYNC_INTERVAL_MINUTES: "1440",
  };
  // Both replicas start at once, and so race to migrate the empty database.
  replicas = await Promise.all([startProxyProcess(env), startProxyProcess(env)]);
  database = openDatabase(sqld.url);
  tenant = await createTenant(
    { db: database.db, clock: createManualClock(Date.now()), logger: silentLogger },
    { name: "Scale" },
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas?.map((replica) => replica.stop()) ?? []);
  database?.close();
  await simulator?.close();
  await sqld?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("proxy replicas on one libSQL server", () => {
  it("both come up on the database they migrated together", async () => {
    for (const replica of replicas) {
      expect(await (await fetch(`${replica.url}/health`)).json()).toMatchObject({ ok: true, db: "ok" });
    }
  });

  it("finish a consent on one replica that was started on the other", async () => {
    const [a, b] = replicas as [ProxyProcess, ProxyProcess];
    const consent = await giveConsent(sendTo(a.url), tenant.tokens.bookkeeper);
    expect((await receiveIn(sendTo(b.url), consent)).status).toBe(200);
    expect((await answer(sendTo(a.url), consent)).status).toBe(200);
    await untilLoaded(DIVISIONS);
  }, 60_000);

  it("run one division's sync on one replica only, however many ask", async () => {
    const division = DIVISIONS[0]!;
    // The consent's first load was a full one; past the cooldown, a manual full sync is allowed again.
    await database.db
      .update(divisionSync)
      .set({ lastFullAt: Date.now() - FULL_SYNC_COOLDOWN_MS - 1_000 })
      .where(eq(divisionSync.division, division));
    simulator.sim.control.addFault({ path: "sync/CRM/Accounts", latencyMs: 300, times: 3 });
    simulator.sim.calls.reset();
    const answers = await Promise.all(
      replicas.flatMap((replica) =>
        [1, 2].map(() =>
          fetch(`${replica.url}/v1/divisions/${division}/sync?wait=true`, {
            method: "POST",
            headers: { ...bearer(tenant.tokens.integration).headers, "content-type": "application/json" },
            body: JSON.stringify({ kind: "full" }),
          }),
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(simulator.sim.calls.count({ division, endpoint: "sync/CRM/Accounts" })).toBe(3);
  });

  it("refresh the Exact token once when both replicas need it at the same moment", async () => {
    // Exact's clock reaches the token's last 30 s; the replicas, on real time, read the stored expiry.
    clock.advance(585_000);
    await database.db
      .update(exactConnections)
      .set({ accessTokenExpiresAt: Date.now() + 5_000 })
      .where(eq(exactConnections.tenantId, tenant.tenantId));
    simulator.sim.control.addFault({ path: "oauth2/token", latencyMs: 300 });
    simulator.sim.calls.reset();

    const answers = await Promise.all(
      replicas.map((replica, index) =>
        fetch(`${replica.url}/v1/divisions/${DIVISIONS[index]}/sync?wait=true`, {
          method: "POST",
          ...bearer(tenant.tokens.integration),
        }),
      ),
    );

    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(simulator.sim.calls.count({ endpoint: "oauth2/token", grantType: "refresh_token" })).toBe(1);
    expect(simulator.sim.calls.count({ endpoint: "oauth2/token", status: 401 })).toBe(0);
  });
});
