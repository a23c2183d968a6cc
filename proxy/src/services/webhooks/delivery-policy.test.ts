import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../db/schema";
import { parseEnv } from "../../env";
import { createWebhookWorker, type WebhookWorker, webhookJobOptions } from "../../jobs/webhook-worker";
import { jsonOf } from "../../testing/http";
import { createManualClock } from "../../testing/manual-clock";
import { createTestApp } from "../../testing/test-app";
import { startWebhookReceiver, type WebhookReceiver } from "../../testing/webhook-receiver";
import { recordEvent } from "../events/record-event";
import { jsonRequest } from "../sales-entries/testing";
import { createTenant } from "../tenants/create-tenant";

// The delivery policy as production configures it (the environment's defaults), on a clock the test moves.

let harness: Awaited<ReturnType<typeof createTestApp>> | undefined;
let receiver: WebhookReceiver | undefined;
let worker: WebhookWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await receiver?.close();
  harness?.database.close();
  harness = receiver = worker = undefined;
});

const defaults = webhookJobOptions(parseEnv({}));

async function setUp(policy: Partial<typeof defaults> = {}) {
  const clock = createManualClock(Date.now());
  const h = await createTestApp({ clock });
  harness = h;
  const tenant = await createTenant(h.deps, { name: "Flexwerk" });
  const r = await startWebhookReceiver();
  receiver = r;
  const call = (method: string, path: string, body?: unknown) =>
    Promise.resolve(h.app.request(path, jsonRequest(method, tenant.tokens.integration, body)));
  const endpoint = await jsonOf<{ id: string; secret: string }>(
    await call("POST", "/v1/webhook-endpoints", { url: r.url }),
  );
  const w = createWebhookWorker(h.deps, { ...defaults, ...policy });
  worker = w;
  w.start();
  let customer = 1000;
  /** A link event, recorded the way every state change records one; each of its own resource. */
  const record = async () => {
    customer++;
    const id = await h.deps.db.transaction((tx) =>
      recordEvent(tx, {
        tenantId: tenant.tenantId,
        division: 1234567,
        type: "link.created",
        resourceKey: `customer:${customer}`,
        at: clock.now(),
        data: { customerNumber: String(customer) },
      }),
    );
    w.kick();
    return id;
  };
  const db = h.deps.db;
  const attempts = async () =>
    db.select().from(webhookAttempts).where(eq(webhookAttempts.endpointId, endpoint.id));
  const endpointRow = async () =>
    (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!;
  const deliveries = async () =>
    db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
  return { clock, call, endpoint, receiver: r, worker: w, record, attempts, endpointRow, deliveries };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("webhook delivery with the production settings", () => {
  it("retries a failing receiver with exponential backoff for 24 hours, then pauses the endpoint, saying why", async () => {
    const { clock, receiver, worker, record, attempts, endpointRow, deliveries } = await setUp();
    receiver.answerWith(() => 500);
    await record();
    const firstAt = clock.now();
    const gaps: number[] = [];
    for (let n = 1; ; n++) {
      await until(attempts, (rows) => rows.length === n, `attempt ${n}`);
      const [delivery] = await until(deliveries, (rows) => rows[0]?.state === "pending", "the outcome");
      const endpoint = await endpointRow();
      if (endpoint.status === "paused") break;
      // Still enabled: less than a day since the first failure.
      expect(clock.now() - firstAt).toBeLessThan(86_400_000);
      gaps.push(delivery!.nextAttemptAt - clock.now());
      clock.set(delivery!.nextAttemptAt);
      worker.kick();
    }
    const pausedAfter = clock.now() - firstAt;
    expect(pausedAfter).toBeGreaterThanOrEqual(86_400_000);
    expect(pausedAfter).toBeLessThan(86_400_000 + 3_600_000);
    // 5 s, doubling, never more than an hour apart.
    expect(gaps.slice(0, 11)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000, 2_560_000, 3_600_000,
    ]);
    expect(gaps.slice(11).every((gap) => gap === 3_600_000)).toBe(true);
    expect((await endpointRow()).pausedReason).toMatch(
      /^No delivery succeeded for 24(\.\d)? h \(.*HTTP 500\.$/,
    );

    // Paused: nothing more is sent, however long it waits; the delivery stays queued.
    const sent = receiver.requests();
    clock.advance(2 * 86_400_000);
    worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.requests()).toBe(sent);
    expect((await deliveries()).map((d) => d.state)).toEqual(["pending"]);
  }, 60_000);

  it("gives up on a receiver that does not answer at its timeout, answers the API meanwhile, and retries", async () => {
    const { clock, call, endpoint, receiver, worker, record, deliveries } = await setUp({ timeoutMs: 2000 });
    receiver.answerWith(({ n }) => (n === 0 ? "hang" : 200));
    await record();
    await until(
      async () => receiver.requests(),
      (n) => n === 1,
      "the receiver to hold the request",
    );

    // The API answers while the delivery hangs: it is still in flight when the answers are in.
    expect((await call("GET", "/v1/events?limit=50")).status).toBe(200);
    expect((await call("GET", "/v1/webhook-endpoints")).status).toBe(200);
    expect((await deliveries()).map((d) => d.state)).toEqual(["delivering"]);

    const [waiting] = await until(deliveries, (rows) => rows[0]?.state === "pending", "the timeout");
    clock.set(waiting!.nextAttemptAt);
    worker.kick();
    await receiver.waitFor((got) => got.length === 1);
    type Log = {
      deliveries: { state: string; attempts: { status: number | null; error: string | null }[] }[];
    };
    const log = await until(
      async () => jsonOf<Log>(await call("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`)),
      (l) => l.deliveries[0]?.state === "delivered",
      "the delivery to be recorded",
    );
    expect(log.deliveries[0]!.attempts.map((a) => [a.status, a.error])).toEqual([
      [null, "no answer within 2000 ms"],
      [200, null],
    ]);
  }, 30_000);

  it("signs with the old secret too while a rotation overlaps, and with the new one alone once it is over", async () => {
    const { clock, call, endpoint, receiver, record, deliveries } = await setUp();
    const rotated = await jsonOf<{ secret: string }>(
      await call("POST", `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { overlapSeconds: 60 }),
    );
    await record();
    const [during] = await receiver.waitFor((got) => got.length === 1);
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(endpoint.secret).verify(during!.body, during!.headers)).toEqual(during!.event);
    expect(new Webhook(rotated.secret).verify(during!.body, during!.headers)).toEqual(during!.event);

    // The receiver has its 2xx a moment before the proxy has recorded it; moving the clock before that would let
    // the delivery's lease run out, and it would be sent again.
    await until(deliveries, (rows) => rows[0]?.state === "delivered", "the delivery to be recorded");
    clock.advance(61_000);
    const second = await record();
    const got = await receiver.waitFor((all) => all.some((r) => r.event.id === second));
    const after = got.find((r) => r.event.id === second);
    expect(after!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(new Webhook(rotated.secret).verify(after!.body, after!.headers)).toEqual(after!.event);
    expect(() => new Webhook(endpoint.secret).verify(after!.body, after!.headers)).toThrow();
  }, 30_000);
});
