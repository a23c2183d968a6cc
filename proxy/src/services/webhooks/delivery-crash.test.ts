import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { events, salesEntries } from "../../db/schema";
import { runCli } from "../../testing/cli-process";
import { harnessProxyEnv, type ProxyProcess, startProxyProcess } from "../../testing/processes";
import { startWebhookReceiver, type WebhookReceiver } from "../../testing/webhook-receiver";
import { type SalesFixture, startSalesFixture } from "../sales-entries/sim-fixture";
import { deskInvoice, jsonRequest } from "../sales-entries/testing";

const INVOICES = 12;
/** Runs the operator CLI as its own process. */
const cli = (args: string[], env: Record<string, string>) => runCli(args, { ...env, LOG_LEVEL: "warn" });
const folder = mkdtempSync(join(tmpdir(), "zfx-webhook-crash-"));
let fixture: SalesFixture | undefined;
let receiver: WebhookReceiver | undefined;
const proxies: ProxyProcess[] = [];
afterAll(async () => {
  for (const proxy of proxies) await proxy.stop("SIGKILL");
  await receiver?.close();
  await fixture?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("webhook delivery under SIGKILL", () => {
  it("loses no event when the proxy is killed mid-delivery: the next process delivers every one", async () => {
    const databaseUrl = `file:${join(folder, "proxy.db")}`;
    fixture = await startSalesFixture({ databaseUrl, customers: ["1042", "1043"] });
    const f = fixture;
    receiver = await startWebhookReceiver();
    const r = receiver;
    const created = await f.harness.app.request(
      "/v1/webhook-endpoints",
      jsonRequest("POST", f.tenant.tokens.integration, { url: r.url }),
    );
    const { secret } = (await created.json()) as { secret: string };

    const env = {
      ...harnessProxyEnv(f.harness, databaseUrl),
      EXACT_BASE_URL: f.harness.simulator.url,
      OUTBOX_POLL_MS: "50",
      OUTBOX_LEASE_MS: "2000",
      PAID_CHECK_MINUTES: "10080",
      SYNC_INTERVAL_MINUTES: "1440",
      WEBHOOK_POLL_MS: "50",
      WEBHOOK_TIMEOUT_MS: "500",
      WEBHOOK_RETRY_BASE_MS: "50",
      WEBHOOK_RETRY_MAX_MS: "200",
      LOG_LEVEL: "info",
    };
    // The proxy delivering the receiver's third request is killed before it gets an answer.
    let victim: ProxyProcess | undefined;
    let killedMidDelivery = false;
    r.answerWith(({ n }) => {
      if (n !== 2 || !victim) return 200;
      killedMidDelivery = victim.child.kill("SIGKILL");
      victim = undefined;
      return "hang";
    });
    const first = await startProxyProcess(env);
    proxies.push(first);
    victim = first;
    for (let i = 1; i <= INVOICES; i++) {
      const customer = { number: i % 2 ? "1042" : "1043", name: "Klant", country: "NL" };
      const answer = await fetch(
        `${first.url}/v1/divisions/${f.division}/sales-entries/K-${String(i).padStart(3, "0")}`,
        jsonRequest("PUT", f.tenant.tokens.integration, deskInvoice({ customer })),
      ).catch(() => undefined);
      // Submitted before the kill: accepted. After it, the next process takes the rest.
      if (!answer) break;
      expect(answer.status).toBe(202);
    }
    const killDeadline = Date.now() + 20_000;
    while (!killedMidDelivery && Date.now() < killDeadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(killedMidDelivery).toBe(true);
    await first.stop("SIGKILL");

    const second = await startProxyProcess(env);
    proxies.push(second);
    for (let i = 1; i <= INVOICES; i++) {
      const answer = await fetch(
        `${second.url}/v1/divisions/${f.division}/sales-entries/K-${String(i).padStart(3, "0")}`,
        jsonRequest(
          "PUT",
          f.tenant.tokens.integration,
          deskInvoice({ customer: { number: i % 2 ? "1042" : "1043", name: "Klant", country: "NL" } }),
        ),
      );
      expect(answer.status).toBe(202);
    }
    const db = f.harness.deps.db;
    const everyEvent = async () =>
      (await db.select({ id: events.id, type: events.type }).from(events)).map((e) => e.id);
    const deadline = Date.now() + 40_000;
    for (;;) {
      const pushed = (await db.select({ state: salesEntries.state }).from(salesEntries)).filter(
        (row) => row.state === "pushed",
      ).length;
      const ids = await everyEvent();
      const got = new Set(r.received.map((delivery) => delivery.event.id));
      if (pushed === INVOICES && ids.every((id) => got.has(id))) break;
      if (Date.now() > deadline)
        throw new Error(`not settled: ${pushed} pushed, ${got.size}/${ids.length} events received`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const recorded = await db.select().from(events);
    // Every state change has its event: one invoice.pushed per invoice, one link.created per customer.
    expect(recorded.filter((e) => e.type === "invoice.pushed")).toHaveLength(INVOICES);
    expect(recorded.filter((e) => e.type === "link.created")).toHaveLength(2);
    const verifier = new Webhook(secret);
    for (const delivery of r.received) verifier.verify(delivery.body, delivery.headers);
    // The one in flight at the kill was delivered again by the second process.
    expect(r.received.length).toBeGreaterThanOrEqual(recorded.length);

    // The operator's CLI shows the events with their deliveries, and sends one again.
    const tail = await cli(["events", "tail", f.tenant.tenantId, "--limit", "5", "--json"], env);
    expect(tail.code).toBe(0);
    const shown = tail.out
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text));
    expect(shown).toHaveLength(5);
    expect(shown.every((item) => item.deliveries[0]?.state === "delivered")).toBe(true);
    const again = shown[0].event.id as string;
    const before = r.received.filter((delivery) => delivery.event.id === again).length;
    const redelivered = await cli(["events", "redeliver", again], env);
    expect([redelivered.code, redelivered.err]).toEqual([0, expect.stringContaining("Queued")]);
    await r.waitFor((got) => got.filter((delivery) => delivery.event.id === again).length > before);
  }, 150_000);
});
