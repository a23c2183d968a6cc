// Webhook delivery: the latency from a state change to the receiver's 2xx with a healthy receiver, and the proxy
// API's latency while one receiver hangs. The proxy's real HTTP server and webhook worker (production settings) on
// a libSQL file; receivers are node http servers on loopback. Progress goes to stderr; the Markdown is returned.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { systemClock } from "@zapfloor-exact/shared/clock";
import autocannon from "autocannon";
import { createApp } from "../src/app";
import { openDatabase, prepareDatabase } from "../src/db/client";
import { parseEnv } from "../src/env";
import { webhookJobOptions } from "../src/jobs/webhook-worker";
import { listen } from "../src/server";
import { unlinkAccount } from "../src/services/links/unlink-account";
import { createTenant } from "../src/services/tenants/create-tenant";
import { changeEndpoint, createEndpoint } from "../src/services/webhooks/manage-endpoints";
import { startWebhookReceiver } from "../src/testing/webhook-receiver";
import { benchDeps } from "./bench-deps";
import { figure } from "./figures";
import { writeLargeDivision } from "./large-division";

const DIVISION = 9_000_002;
const CHANGES = 300;
const CHANGE_EVERY_MS = 20;
const SECONDS = 10;
const CONNECTIONS = 16;

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const n = (value: number) => Math.round(value).toLocaleString("en-GB");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export default async function webhooks(): Promise<string> {
  const folder = mkdtempSync(join(os.tmpdir(), "zfx-bench-webhooks-"));
  const database = openDatabase(`file:${join(folder, "proxy.db")}`);
  const healthy = await startWebhookReceiver();
  const hanging = await startWebhookReceiver();
  hanging.answerWith(() => "hang");
  const settings = webhookJobOptions(parseEnv({}));
  const loadAtStart = os.loadavg()[0] ?? 0;
  try {
    await prepareDatabase(database);
    const deps = benchDeps(database.db, { publicUrl: "https://link.example", jobs: { webhooks: settings } });
    const tenant = await createTenant(deps, { name: "Bench operator" });
    const data = await writeLargeDivision(database.db, {
      tenantId: tenant.tenantId,
      division: DIVISION,
      accounts: 2 * CHANGES + 2000,
      customers: 2 * CHANGES + 2000,
      linked: 2 * CHANGES + 2000,
      now: systemClock.now(),
    });
    let nextLink = 0;
    const change = () =>
      unlinkAccount(deps, {
        tenantId: tenant.tenantId,
        division: DIVISION,
        exactId: data.accountIds[nextLink++]!,
        actor: "bench",
      });
    await createEndpoint(deps, {
      tenantId: tenant.tenantId,
      url: healthy.url,
      eventTypes: [],
      description: "",
    });
    const server = await listen(createApp(deps), 0, "127.0.0.1");
    deps.jobs.start();
    try {
      progress(`${CHANGES} state changes (unlinks), one every ${CHANGE_EVERY_MS} ms, to a healthy receiver`);
      for (let i = 0; i < CHANGES; i++) {
        await change();
        await sleep(CHANGE_EVERY_MS);
      }
      await healthy.waitFor((got) => got.length >= CHANGES, 60_000);
      const latencies = healthy.received
        .map((delivery) => delivery.at - Date.parse(delivery.event.timestamp))
        .sort((a, b) => a - b);

      const auth = { authorization: `Bearer ${tenant.tokens.integration}` };
      const api = (label: string) => {
        progress(`${SECONDS} s of GET /v1/events, ${label}`);
        return autocannon({
          url: server.url,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests: [{ method: "GET", path: "/v1/events?limit=50", headers: auth }],
        });
      };
      const whileChanging = async (label: string) => {
        let changing = true;
        const changes = (async () => {
          while (changing) {
            await change();
            await sleep(50);
          }
        })();
        const result = await api(label);
        changing = false;
        await changes;
        return result;
      };
      const calm = await whileChanging("one healthy receiver");
      const stuck = await createEndpoint(deps, {
        tenantId: tenant.tenantId,
        url: hanging.url,
        eventTypes: [],
        description: "hangs",
      });
      const hung = await whileChanging("and one receiver that never answers");
      const hangingRequests = hanging.requests();
      await changeEndpoint(deps, { tenantId: tenant.tenantId, endpointId: stuck.id, status: "paused" });

      const row = (label: string, result: Awaited<ReturnType<typeof autocannon>>) =>
        `| ${label} | ${n(result.latency.p50)} ms | ${n(result.latency.p99)} ms | ${n(result.requests.average)} req/s | ${result.errors + result.timeouts + result.non2xx} |`;
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      return [
        "## Webhook delivery",
        "",
        `The proxy's HTTP server and webhook worker in one process with production settings (poll ${settings.pollMs} ms,`,
        `timeout ${n(settings.timeoutMs)} ms, ${settings.concurrency} deliveries in flight), a libSQL file database (WAL);`,
        "receivers are node http servers on loopback. A state change is a bookkeeper's unlink (its event written in the",
        "unlink's transaction); latency runs from the event's time to the receiver having the request, before its 2xx.",
        `Machine: ${os.cpus().length} CPUs, Node ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the start.`,
        `${figure("webhooks.latency", `p50 ${n(p50)} ms, p99 ${n(p99)} ms`)}`,
        "",
        "| state change → receiver (healthy) | p50 | p99 | max | events |",
        "|---|---:|---:|---:|---:|",
        `| one change every ${CHANGE_EVERY_MS} ms | ${n(p50)} ms | ${n(p99)} ms | ${n(latencies.at(-1) ?? Number.NaN)} ms | ${n(latencies.length)} |`,
        "",
        `The API while a receiver hangs: autocannon, ${CONNECTIONS} connections for ${SECONDS} s on \`GET /v1/events?limit=50\`,`,
        "a state change every 50 ms throughout; in the second row every event also goes to an endpoint that accepts",
        `the connection and never answers (${n(hangingRequests)} deliveries left hanging until their timeout).`,
        `${figure("webhooks.hang", `p99 ${n(hung.latency.p99)} ms (healthy only: ${n(calm.latency.p99)} ms)`)}`,
        "",
        "| API under load | p50 | p99 | throughput | failed |",
        "|---|---:|---:|---:|---:|",
        row("one healthy receiver", calm),
        row("plus one receiver that hangs", hung),
      ].join("\n");
    } finally {
      await server.close();
      await deps.jobs.stop();
    }
  } finally {
    await healthy.close();
    await hanging.close();
    database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
