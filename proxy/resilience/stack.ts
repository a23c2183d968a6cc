import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type RunningSimulator,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startExactSimulator,
} from "@zapfloor-exact/exact-sim";
import { systemClock } from "@zapfloor-exact/shared/clock";
import { type Database, openDatabase } from "../src/db/client";
import { silentLogger } from "../src/logger";
import { type CreatedTenant, createTenant } from "../src/services/tenants/create-tenant";
import { connectLikeABrowser, sendTo } from "../src/testing/browser-consent";
import { freePort, type ProxyProcess, startProxyProcess, startSqld } from "../src/testing/processes";
import { TEST_SECRET_KEY } from "../src/testing/secret-keys";
import { startWebhookReceiver, type WebhookReceiver } from "../src/testing/webhook-receiver";

const proxyRoot = fileURLToPath(new URL("..", import.meta.url));

export const DIVISIONS = [7_300_001, 7_300_002, 7_300_003];
/** Accounts in each division that a bookkeeper links and unlinks by hand. */
export const HAND_ACCOUNTS = 4;

/** The simulator's Dutch ledger: journals 70 and 71, revenue accounts 8010/8020, VAT codes 0, 1, 2 and 4. */
const settings = {
  salesJournal: "70",
  creditNoteJournal: "71",
  glMapping: { desk: "8010", meeting_room: "8020" },
  vatMapping: { rates: { "21": "2", "9": "1", "0": "0" }, international: "4" },
  autoCreate: true,
  nonCustomerMatch: "review",
};

export interface HandPair {
  division: number;
  exactId: string;
  customerNumber: string;
}

export interface Stack {
  simulator: RunningSimulator;
  replicas: ProxyProcess[];
  urls: string[];
  database: Database;
  tenant: CreatedTenant;
  receiver: WebhookReceiver;
  handPairs: HandPair[];
  /** SIGKILL replica `index` and wait for it to be gone. */
  kill(index: number): Promise<void>;
  /** Start replica `index` again on its port. */
  restart(index: number): Promise<void>;
  close(): Promise<void>;
}

const log = (text: string) => process.stderr.write(`[resilience] ${text}\n`);

/**
 * Three replicas of the compiled proxy (as production runs it) on one libSQL server, the Exact simulator, and a
 * webhook receiver; a tenant connected through the real consent, its divisions loaded and their settings saved.
 */
export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "zfx-resilience-"));
  const replicas: ProxyProcess[] = [];
  const undo: (() => Promise<unknown> | unknown)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    await Promise.all(replicas.map((replica) => replica.stop("SIGKILL")));
    for (const step of undo.reverse()) await step();
  };
  // Whatever happens to this process, the children it started go with it.
  const onSignal = () => void close().finally(() => process.exit(130));
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    log("building the proxy");
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: proxyRoot, stdio: "ignore" });
    const sqld = await startSqld(join(dir, "sqld"));
    undo.push(() => sqld.stop());
    const simulator = await startExactSimulator({
      port: 0,
      seed: { seed: 12, divisions: [] },
      // Lifetimes shortened from Exact's 600 s and 570 s so that the run refreshes the token several times, across
      // the kills; the shape (a refresh is refused until the token's last 30 s) is Exact's. [docs/exact-online.md §1]
      tokens: { accessTokenSeconds: 60, refreshNotBeforeSeconds: 30 },
    });
    undo.push(() => simulator.close());
    const handPairs: HandPair[] = [];
    for (const code of DIVISIONS) {
      simulator.sim.control.addDivision({ code, name: `Resilient ${code}`, accounts: 40, country: "NL" });
      for (let i = 1; i <= HAND_ACCOUNTS; i++) {
        const account = simulator.sim.control.insertAccount(code, {
          Name: `Werkplaats ${code % 10}${i} Holding`,
          Status: "C",
          IsSales: true,
          Country: "NL",
        });
        handPairs.push({
          division: code,
          exactId: account.ID.toLowerCase(),
          customerNumber: `H${code % 10}${i}`,
        });
      }
    }
    const receiver = await startWebhookReceiver();
    undo.push(() => receiver.close());
    const ports = await Promise.all(DIVISIONS.map(() => freePort()));
    const env = (port: number) => ({
      PORT: String(port),
      DATABASE_URL: sqld.url,
      SECRET_KEY: TEST_SECRET_KEY,
      EXACT_CLIENT_ID: SANDBOX_CLIENT_ID,
      EXACT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
      EXACT_BASE_URL: simulator.url,
      SYNC_INTERVAL_MINUTES: "1440",
      // A killed replica's claims are taken over within seconds rather than minutes, and failed pushes are
      // retried within the run; everything else runs with production settings.
      OUTBOX_POLL_MS: "500",
      OUTBOX_LEASE_MS: "8000",
      OUTBOX_RETRY_BASE_MS: "1000",
      OUTBOX_UNKNOWN_OUTCOME_MS: "1500",
      WEBHOOK_TIMEOUT_MS: "2000",
      WEBHOOK_RETRY_BASE_MS: "500",
    });
    const start = (port: number) => startProxyProcess(env(port), 30_000, { compiled: true });
    log("starting three replicas");
    // Each replica is kept as soon as it listens, so that a failed start stops the others too.
    await Promise.all(ports.map(async (port, index) => (replicas[index] = await start(port))));
    const database = openDatabase(sqld.url);
    undo.push(() => database.close());
    const tenant = await createTenant(
      { db: database.db, clock: systemClock, logger: silentLogger },
      { name: "Resilience" },
    );
    const stack: Stack = {
      simulator,
      replicas,
      urls: replicas.map((replica) => replica.url),
      database,
      tenant,
      receiver,
      handPairs,
      async kill(index) {
        await replicas[index]!.stop("SIGKILL");
      },
      async restart(index) {
        replicas[index] = await start(ports[index]!);
      },
      close,
    };
    await prepareTenant(stack);
    return stack;
  } catch (error) {
    await close();
    throw error;
  }
}

async function prepareTenant(stack: Stack) {
  const { tenant, urls } = stack;
  const as = (token: string, body?: unknown): RequestInit => ({
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  log("connecting Exact Online");
  const connected = await connectLikeABrowser(sendTo(urls[0]!), tenant.tokens.bookkeeper);
  if (connected.status >= 400) throw new Error(`consent: HTTP ${connected.status} ${await connected.text()}`);
  for (const division of DIVISIONS) {
    // The consent's first load runs in the background on the replica that took it.
    for (let waited = 0; ; waited += 200) {
      const state = await fetch(`${urls[1]}/v1/divisions/${division}/sync`, as(tenant.tokens.integration));
      if (((await state.json()) as { lastFullAt: string | null }).lastFullAt) break;
      if (waited > 45_000) throw new Error(`division ${division} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const saved = await fetch(`${urls[2]}/v1/divisions/${division}/settings`, {
      method: "PUT",
      ...as(tenant.tokens.bookkeeper, settings),
    });
    if (saved.status !== 200)
      throw new Error(`settings ${division}: HTTP ${saved.status} ${await saved.text()}`);
  }
  for (const pair of stack.handPairs) {
    const put = await fetch(`${urls[0]}/v1/customers/${pair.customerNumber}`, {
      method: "PUT",
      ...as(tenant.tokens.integration, { name: `Handmatig ${pair.customerNumber} VOF`, country: "NL" }),
    });
    if (put.status >= 300) throw new Error(`customer ${pair.customerNumber}: HTTP ${put.status}`);
  }
  const endpoint = await fetch(`${urls[0]}/v1/webhook-endpoints`, {
    method: "POST",
    ...as(tenant.tokens.integration, { url: stack.receiver.url, description: "resilience receiver" }),
  });
  if (endpoint.status !== 201)
    throw new Error(`webhook endpoint: HTTP ${endpoint.status} ${await endpoint.text()}`);
}
