import { EVENT_TYPES, type EventTypeName, eventEnvelopeSchema } from "@zapfloor-exact/shared/schemas/events";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { exactConnections } from "../../db/schema";
import {
  createWebhookWorker,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from "../../jobs/webhook-worker";
import { jsonOf } from "../../testing/http";
import { startWebhookReceiver, type WebhookReceiver } from "../../testing/webhook-receiver";
import { refreshAccount } from "../mirror/refresh-account";
import { syncDivision } from "../mirror/sync-division";
import { PAID_RECHECK } from "../sales-entries/check-paid";
import { type SalesFixture, SIM_DIVISION, startSalesFixture } from "../sales-entries/sim-fixture";
import { deskInvoice, jsonRequest } from "../sales-entries/testing";

let fixture: SalesFixture | undefined;
let receiver: WebhookReceiver | undefined;
let worker: WebhookWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await receiver?.close();
  await fixture?.close();
  worker = receiver = fixture = undefined;
});

/** Quick retries, so that six attempts take well under a second. */
const quick: WebhookWorkerOptions = {
  pollMs: 20,
  timeoutMs: 5000,
  retryBaseMs: 20,
  retryMaxMs: 200,
  pauseAfterMs: 3_600_000,
  concurrency: 8,
  perEndpoint: 4,
  purgeEveryMs: 3_600_000,
  retentionMs: 30 * 86_400_000,
};

type Endpoint = { id: string; secret: string; status: string; pausedReason: string | null };

async function setUp(options: Partial<WebhookWorkerOptions> = {}, eventTypes: string[] = []) {
  // Exact calls are not retried: a fault meant to fail a sync fails it at once.
  fixture = await startSalesFixture({
    customers: ["1042"],
    exact: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
  });
  receiver = await startWebhookReceiver();
  const f = fixture;
  const integration = (method: string, path: string, body?: unknown) =>
    f.harness.app.request(path, jsonRequest(method, f.tenant.tokens.integration, body));
  const created = await integration("POST", "/v1/webhook-endpoints", { url: receiver.url, eventTypes });
  expect(created.status).toBe(201);
  const endpoint = await jsonOf<Endpoint>(created);
  worker = createWebhookWorker(f.harness.deps, { ...quick, ...options });
  worker.start();
  return { f, receiver, endpoint, integration };
}

describe("webhooks to zapfloor over HTTP", () => {
  it("delivers every event type, signed so that the standardwebhooks package verifies it", async () => {
    const { f, receiver, endpoint, integration } = await setUp();
    const verifier = new Webhook(endpoint.secret);

    // invoice.pushed, link.created (matched by SearchCode)
    await f.submit("2026-0001", deskInvoice());
    // customer.created_in_exact, link.created, invoice.pushed
    await f.submit(
      "2026-0002",
      deskInvoice({ customer: { number: "5005", name: "Nieuw B.V.", country: "NL" } }),
    );
    expect(await f.push()).toMatchObject({ pushed: 2 });
    // invoice.paid
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0001");
    expect(await f.checkPaid()).toMatchObject({ paid: 1 });
    // invoice.failed: Exact refuses an entry for a blocked account
    const blockedId = f.accountIds.get("1042")!;
    f.sim.control.updateAccount(SIM_DIVISION, blockedId, { Blocked: true });
    await f.submit("2026-0003", deskInvoice());
    expect(await f.push()).toMatchObject({ failed: 1 });
    // link.stale: the mirror learns that the linked account is blocked
    await refreshAccount(f.harness.deps, { ...f.scope, accountId: blockedId });
    // invoice.needs_review: the customer only matches a prospect
    f.sim.control.insertAccount(SIM_DIVISION, { Name: "Prospect B.V.", SearchCode: "7007", Status: "P" });
    await syncDivision(f.harness.deps, { ...f.scope, kind: "incremental" });
    await f.submit(
      "2026-0004",
      deskInvoice({ customer: { number: "7007", name: "Prospect", country: "NL" } }),
    );
    expect(await f.push()).toMatchObject({ needsReview: 1 });
    // link.removed
    const createdId = f.sim.control
      .accounts(SIM_DIVISION)
      .find((account) => account.SearchCode === "5005")!.ID;
    const unlinked = await f.harness.app.request(
      `/v1/divisions/${SIM_DIVISION}/accounts/${createdId}/link`,
      jsonRequest("DELETE", f.tenant.tokens.bookkeeper),
    );
    expect(unlinked.status).toBe(200);
    // invoice.reopened: Exact shows the paid entry open again (checked again at once rather than a day later, so
    // that the signatures' timestamps stay within the verifier's tolerance of the real time)
    f.sim.control.markSalesEntryUnpaid(SIM_DIVISION, "2026-0001");
    expect(await f.checkPaid(3_600_000, { ...PAID_RECHECK, everyMs: 0 })).toMatchObject({ reopened: 1 });
    // division.sync_failed
    f.sim.control.addFault({ path: "sync/CRM/Accounts", action: "status", status: 500 });
    await expect(syncDivision(f.harness.deps, { ...f.scope, kind: "incremental" })).rejects.toThrow();
    f.sim.control.clearFaults();
    // connection.needs_reconnect: the access token is due for a refresh that Exact refuses
    f.sim.control.expireRefreshTokens();
    await f.harness.deps.db
      .update(exactConnections)
      .set({ accessTokenExpiresAt: f.harness.clock.now() + 10_000 })
      .where(eq(exactConnections.tenantId, f.tenant.tenantId));
    await f.sim.calls.expectClientErrors(() =>
      expect(syncDivision(f.harness.deps, { ...f.scope, kind: "incremental" })).rejects.toThrow(),
    );

    // Two each of invoice.pushed and link.created, one of every other type.
    const received = await receiver.waitFor(
      (got) => got.length >= 13 && EVENT_TYPES.every((type) => got.some((r) => r.event.type === type)),
    );
    for (const delivery of received) {
      expect(verifier.verify(delivery.body, delivery.headers)).toEqual(delivery.event);
      expect(delivery.headers["webhook-id"]).toBe(delivery.event.id);
      expect(delivery.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      // The payload is what the published contract (OpenAPI `webhooks`) says it is.
      const contract = eventEnvelopeSchema(delivery.event.type as EventTypeName).safeParse(delivery.event);
      expect([delivery.event.type, contract.error?.message]).toEqual([delivery.event.type, undefined]);
    }
    const ofType = (type: string) => received.filter((r) => r.event.type === type).map((r) => r.event);
    expect(ofType("invoice.pushed").map((e) => [e.data.invoiceNumber, e.data.state])).toEqual([
      ["2026-0001", "pushed"],
      ["2026-0002", "pushed"],
    ]);
    expect(ofType("invoice.paid")[0]?.data).toMatchObject({
      invoiceNumber: "2026-0001",
      paid: { status: "paid" },
    });
    expect(ofType("invoice.reopened")[0]?.data).toMatchObject({
      paid: { status: "open", outstanding: "587.46" },
    });
    expect(ofType("invoice.failed")[0]?.data).toMatchObject({ invoiceNumber: "2026-0003", state: "failed" });
    expect(ofType("invoice.needs_review")[0]?.data).toMatchObject({ invoiceNumber: "2026-0004" });
    expect(ofType("customer.created_in_exact")[0]?.data).toMatchObject({
      customerNumber: "5005",
      how: "created",
      linked: true,
    });
    expect(ofType("link.created").map((e) => e.data.customerNumber)).toEqual(["1042", "5005"]);
    expect(ofType("link.removed")[0]?.data).toMatchObject({ customerNumber: "5005" });
    expect(ofType("link.stale")[0]?.data).toMatchObject({
      customerNumber: "1042",
      reasons: [{ code: "account_blocked" }],
    });
    expect(ofType("division.sync_failed")).toHaveLength(1);
    expect(ofType("connection.needs_reconnect")[0]).toMatchObject({
      division: null,
      data: { status: "needs_reconnect" },
    });
    expect(received).toHaveLength(13);

    // The feed holds the same events, in the order they happened.
    const feed = await jsonOf<{ events: { id: string }[]; nextCursor: string }>(
      await integration("GET", "/v1/events"),
    );
    expect(new Set(feed.events.map((e) => e.id))).toEqual(new Set(received.map((r) => r.event.id)));
    const after = await jsonOf<{ events: unknown[] }>(
      await integration("GET", `/v1/events?after=${feed.nextCursor}`),
    );
    expect(after.events).toEqual([]);
  }, 60_000);

  it("reopens a paid entry that Exact shows open again, checking paid entries daily for 30 days only", async () => {
    const { f, receiver } = await setUp({}, ["invoice.paid", "invoice.reopened"]);
    await f.submit("2026-0001", deskInvoice());
    await f.push();
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0001");
    expect(await f.checkPaid()).toMatchObject({ paid: 1, reopened: 0 });

    // The payment is undone in Exact. Within a day a paid entry is not read again: no call is spent.
    f.sim.control.markSalesEntryUnpaid(SIM_DIVISION, "2026-0001");
    f.harness.clock.advance(PAID_RECHECK.everyMs - 60_000);
    expect(await f.checkPaid()).toMatchObject({ checked: 0, calls: 0 });
    f.harness.clock.advance(60_000);
    expect(await f.checkPaid()).toMatchObject({ checked: 1, reopened: 1, calls: 1 });

    const received = await receiver.waitFor((got) => got.length === 2);
    expect(
      received.map((r) => [r.event.type, (r.event.data as { paid: { status: string } }).paid.status]),
    ).toEqual([
      ["invoice.paid", "paid"],
      ["invoice.reopened", "open"],
    ]);
    const entry = await jsonOf<{ state: string; paid: { status: string; outstanding: string } }>(
      await f.read("2026-0001"),
    );
    expect(entry).toMatchObject({ state: "pushed", paid: { status: "open", outstanding: "587.46" } });

    // Paid again; a month later its payment is undone once more, but the window is over: it stays paid, uncalled.
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0001");
    f.harness.clock.advance(3_600_000);
    expect(await f.checkPaid()).toMatchObject({ paid: 1 });
    f.sim.control.markSalesEntryUnpaid(SIM_DIVISION, "2026-0001");
    f.harness.clock.advance(PAID_RECHECK.forMs + 1);
    expect(await f.checkPaid()).toMatchObject({ checked: 0, calls: 0 });
  }, 30_000);

  it("gets an event to a receiver that failed 5 times on its 6th attempt, and keeps a resource's events in order", async () => {
    const { f, receiver, endpoint, integration } = await setUp({}, ["invoice.pushed", "invoice.paid"]);
    receiver.answerWith(({ n }) => (n < 5 ? 500 : 200));
    await f.submit("2026-0001", deskInvoice());
    await f.push();
    f.sim.control.markSalesEntryPaid(SIM_DIVISION, "2026-0001");
    await f.checkPaid();

    const received = await receiver.waitFor((got) => got.length === 2);
    expect(received.map((r) => r.event.type)).toEqual(["invoice.pushed", "invoice.paid"]);
    expect(receiver.requests()).toBe(7);

    type Log = {
      deliveries: { eventType: string; state: string; attempts: { status: number; latencyMs: number }[] }[];
    };
    const readLog = async () =>
      jsonOf<Log>(await integration("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`));
    // The receiver has its 2xx a moment before the proxy has recorded it.
    let log = await readLog();
    for (let i = 0; i < 100 && log.deliveries.some((d) => d.state !== "delivered"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      log = await readLog();
    }
    expect(log.deliveries.map((d) => [d.eventType, d.state, d.attempts.map((a) => a.status)])).toEqual([
      ["invoice.paid", "delivered", [200]],
      ["invoice.pushed", "delivered", [500, 500, 500, 500, 500, 200]],
    ]);
    expect(log.deliveries[1]?.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
  }, 30_000);

  it("pauses an endpoint that keeps failing, says why, and delivers what waited once it is resumed", async () => {
    const { f, receiver, endpoint, integration } = await setUp({ pauseAfterMs: 300 });
    receiver.answerWith(() => 503);
    await f.submit("2026-0001", deskInvoice());
    await f.push();

    const paused = async () =>
      (await jsonOf<{ endpoints: Endpoint[] }>(await integration("GET", "/v1/webhook-endpoints")))
        .endpoints[0]!;
    const giveUpAt = Date.now() + 10_000;
    while ((await paused()).status !== "paused" && Date.now() < giveUpAt)
      await new Promise((r) => setTimeout(r, 50));
    expect(await paused()).toMatchObject({
      status: "paused",
      pausedReason: expect.stringContaining("HTTP 503"),
    });
    // An attempt for the other event may have been under way as the endpoint was paused: it may still arrive.
    const underWay = async () =>
      (
        await jsonOf<{ deliveries: { state: string }[] }>(
          await integration("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`),
        )
      ).deliveries.some((delivery) => delivery.state === "delivering");
    while ((await underWay()) && Date.now() < giveUpAt) await new Promise((r) => setTimeout(r, 20));
    const tried = receiver.requests();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests()).toBe(tried);

    receiver.answerWith(() => 200);
    const resumed = await integration("PATCH", `/v1/webhook-endpoints/${endpoint.id}`, { status: "enabled" });
    expect(await jsonOf(resumed)).toMatchObject({ status: "enabled", pausedReason: null });
    const received = await receiver.waitFor((got) => got.length >= 2);
    expect(received.map((r) => r.event.type)).toEqual(["link.created", "invoice.pushed"]);
  }, 30_000);

  it("redelivers an event with the same webhook-id, and signs with both secrets while a rotation overlaps", async () => {
    const { f, receiver, endpoint, integration } = await setUp({}, ["invoice.pushed"]);
    await f.submit("2026-0001", deskInvoice());
    await f.push();
    const [first] = await receiver.waitFor((got) => got.length === 1);

    const rotated = await jsonOf<Endpoint & { previousSecretValidUntil: string }>(
      await integration("POST", `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
        overlapSeconds: 3600,
      }),
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const again = await integration("POST", `/v1/events/${first!.event.id}/redeliver`, {});
    expect(await jsonOf(again)).toEqual({ queued: 1 });
    const [, second] = await receiver.waitFor((got) => got.length === 2);
    expect(second!.headers["webhook-id"]).toBe(first!.event.id);
    expect(second!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(second!.body, second!.headers)).toEqual(first!.event);
    expect(new Webhook(endpoint.secret).verify(second!.body, second!.headers)).toEqual(first!.event);
  }, 30_000);
});

describe("the event feed", () => {
  it("waits for the next event, pages by cursor, and forgets events after 30 days", async () => {
    const { f, integration } = await setUp();
    type Feed = { events: { id: string; type: string }[]; nextCursor: string };
    const first = await jsonOf<Feed>(await integration("GET", "/v1/events"));
    expect(first.events).toEqual([]);

    const waiting = integration("GET", `/v1/events?after=${first.nextCursor}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await f.submit("2026-0001", deskInvoice());
    await f.push();
    const woken = await jsonOf<Feed>(await waiting);
    expect(woken.events.map((event) => event.type)).toContain("link.created");
    const rest = await jsonOf<Feed>(await integration("GET", `/v1/events?after=${woken.nextCursor}&limit=1`));
    const all = [...woken.events, ...rest.events].map((event) => event.type);
    expect(all.slice(0, 2)).toEqual(["link.created", "invoice.pushed"]);
    const bad = await integration("GET", "/v1/events?after=not-a-cursor");
    expect(bad.status).toBe(400);

    const { purgeOldEvents } = await import("../events/purge-events");
    const later = {
      ...f.harness.deps,
      clock: { ...f.harness.clock, now: () => f.harness.clock.now() + 31 * 86_400_000 },
    };
    expect(await purgeOldEvents(later, { olderThanMs: 30 * 86_400_000 })).toBe(2);
    expect((await jsonOf<Feed>(await integration("GET", "/v1/events"))).events).toEqual([]);
  }, 30_000);
});

describe("link.stale", () => {
  it("is recorded when Exact's Delete webhook removes a linked account from the mirror", async () => {
    const { f, receiver } = await setUp({}, ["link.stale"]);
    await f.submit("2026-0001", deskInvoice());
    await f.push();
    const { accountDeletedInExact } = await import("../mirror/account-deleted");
    await accountDeletedInExact(f.harness.deps, { ...f.scope, accountId: f.accountIds.get("1042")! });
    const [stale] = await receiver.waitFor((got) => got.length === 1);
    expect(stale!.event).toMatchObject({
      type: "link.stale",
      data: { customerNumber: "1042", reasons: [{ code: "account_deleted" }] },
    });
  }, 30_000);
});

describe("webhook endpoint URLs", () => {
  it("refuses the proxy itself, private addresses outside loopback and plain http on the internet", async () => {
    const { integration } = await setUp();
    for (const [url, why] of [
      ["http://proxy.test/hooks", "must not point at this proxy"],
      ["https://10.0.0.8/hooks", "private address"],
      ["https://169.254.169.254/latest/meta-data", "private address"],
      ["https://[::ffff:192.168.1.1]/hooks", "private address"],
      ["https://[fd00::1]/hooks", "private address"],
      ["http://93.184.215.14/hooks", "must be https"],
      ["https://user:pass@93.184.215.14/hooks", "user name or password"],
    ] as const) {
      const refused = await integration("POST", "/v1/webhook-endpoints", { url });
      const body = await jsonOf<{ error: { details: { problems: { path: string; message: string }[] } } }>(
        refused,
      );
      expect([url, refused.status, body.error.details.problems]).toEqual([
        url,
        400,
        [{ path: "body.url", message: expect.stringContaining(why) }],
      ]);
    }
    expect(
      (await jsonOf<{ endpoints: unknown[] }>(await integration("GET", "/v1/webhook-endpoints"))).endpoints,
    ).toHaveLength(1);
    const local = await integration("POST", "/v1/webhook-endpoints", { url: "http://localhost:9/hooks" });
    expect(local.status).toBe(201);
  }, 30_000);
});
