import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { webhookDeliveries } from "../db/schema";
import { recordEvent } from "../services/events/record-event";
import { jsonRequest } from "../services/sales-entries/testing";
import { type CreatedTenant, createTenant } from "../services/tenants/create-tenant";
import { errorOf, jsonOf } from "../testing/http";
import { createTestApp } from "../testing/test-app";

type Endpoint = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: string;
  pausedReason: string | null;
  previousSecretValidUntil: string | null;
  pendingDeliveries: number;
  secret?: string;
};

let harness: Awaited<ReturnType<typeof createTestApp>> | undefined;
afterEach(() => {
  harness?.database.close();
  harness = undefined;
});

async function setUp() {
  const h = await createTestApp();
  harness = h;
  const tenant = await createTenant(h.deps, { name: "Flexwerk" });
  const other = await createTenant(h.deps, { name: "Elsewhere" });
  const as =
    (who: CreatedTenant) =>
    (method: string, path: string, body?: unknown): Promise<Response> =>
      Promise.resolve(h.app.request(path, jsonRequest(method, who.tokens.integration, body)));
  /** A link event of the tenant, recorded the way every state change records one. */
  const recordLinkEvent = () =>
    h.deps.db.transaction((tx) =>
      recordEvent(tx, {
        tenantId: tenant.tenantId,
        division: 1234567,
        type: "link.created",
        resourceKey: "customer:1042",
        at: h.deps.clock.now(),
        data: { customerNumber: "1042" },
      }),
    );
  return { h, tenant, call: as(tenant), otherCall: as(other), recordLinkEvent };
}

describe("/v1/webhook-endpoints", () => {
  it("creates, lists, changes, pauses, resumes and deletes an endpoint, its queue going with it", async () => {
    const { h, call, recordLinkEvent } = await setUp();
    const created = await call("POST", "/v1/webhook-endpoints", {
      url: "http://127.0.0.1:9/a",
      eventTypes: ["link.created", "invoice.paid", "link.created"],
      description: "zapfloor production",
    });
    expect(created.status).toBe(201);
    const endpoint = await jsonOf<Endpoint>(created);
    expect(endpoint).toMatchObject({
      id: expect.stringMatching(/^ep_[A-Za-z0-9]+$/),
      url: "http://127.0.0.1:9/a",
      eventTypes: ["link.created", "invoice.paid"],
      status: "enabled",
      pausedReason: null,
      pendingDeliveries: 0,
    });
    // 24 random bytes in base64 after the prefix, as the Standard Webhooks secret form has it.
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const path = `/v1/webhook-endpoints/${endpoint.id}`;

    await recordLinkEvent();
    const listed = await jsonOf<{ endpoints: Endpoint[] }>(await call("GET", "/v1/webhook-endpoints"));
    expect(listed.endpoints).toEqual([expect.objectContaining({ id: endpoint.id, pendingDeliveries: 1 })]);
    expect(listed.endpoints[0]).not.toHaveProperty("secret");

    // A refused URL changes nothing.
    const refused = await call("PATCH", path, { url: "https://10.0.0.8/hooks", description: "moved" });
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({
      reason: "webhook_url_refused",
      params: { refusal: "private_address", host: "10.0.0.8" },
    });
    const unchanged = await jsonOf<{ endpoints: Endpoint[] }>(await call("GET", "/v1/webhook-endpoints"));
    expect(unchanged.endpoints[0]).toMatchObject({
      url: "http://127.0.0.1:9/a",
      description: "zapfloor production",
    });

    const changed = await call("PATCH", path, {
      url: "http://localhost:9/b",
      eventTypes: [],
      description: "all",
    });
    expect(await jsonOf(changed)).toMatchObject({
      url: "http://localhost:9/b",
      eventTypes: [],
      description: "all",
    });
    expect(await jsonOf(await call("PATCH", path, { status: "paused" }))).toMatchObject({
      status: "paused",
      pausedReason: "Paused through the API.",
    });
    expect(await jsonOf(await call("PATCH", path, { status: "enabled" }))).toMatchObject({
      status: "enabled",
      pausedReason: null,
    });

    const removed = await call("DELETE", path);
    expect(await jsonOf(removed)).toEqual({ endpoints: [] });
    const db = h.deps.db;
    expect(
      await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)),
    ).toEqual([]);
    expect((await call("DELETE", path)).status).toBe(404);
    const gone = await call("PATCH", path, { status: "paused" });
    expect([gone.status, await errorOf(gone)]).toEqual([
      404,
      expect.objectContaining({
        reason: "webhook_endpoint_not_found",
        params: { endpoint: endpoint.id },
      }),
    ]);
  });

  it("shows, changes and redelivers nothing of another tenant's", async () => {
    const { call, otherCall, recordLinkEvent } = await setUp();
    const endpoint = await jsonOf<Endpoint>(
      await call("POST", "/v1/webhook-endpoints", { url: "http://127.0.0.1:9/a" }),
    );
    const eventId = await recordLinkEvent();
    const path = `/v1/webhook-endpoints/${endpoint.id}`;

    expect(await jsonOf(await otherCall("GET", "/v1/webhook-endpoints"))).toEqual({ endpoints: [] });
    for (const [method, target, body] of [
      ["PATCH", path, { status: "paused" }],
      ["DELETE", path, undefined],
      ["POST", `${path}/rotate-secret`, {}],
      ["GET", `${path}/deliveries`, undefined],
      ["POST", `/v1/events/${eventId}/redeliver`, {}],
    ] as const) {
      const answer = await otherCall(method, target, body);
      expect([method, target, answer.status]).toEqual([method, target, 404]);
      const { reason } = await errorOf(answer);
      expect([method, target, reason]).toEqual([
        method,
        target,
        target.startsWith("/v1/events") ? "event_not_found" : "webhook_endpoint_not_found",
      ]);
    }
    expect((await jsonOf<{ events: unknown[] }>(await otherCall("GET", "/v1/events"))).events).toEqual([]);
    expect(await jsonOf(await call("GET", "/v1/webhook-endpoints"))).toMatchObject({
      endpoints: [{ id: endpoint.id, status: "enabled", pendingDeliveries: 1 }],
    });
  });

  it("keeps at most 20 endpoints per tenant", async () => {
    const { call, otherCall } = await setUp();
    for (let i = 0; i < 20; i++)
      expect((await call("POST", "/v1/webhook-endpoints", { url: `http://127.0.0.1:9/${i}` })).status).toBe(
        201,
      );
    const over = await call("POST", "/v1/webhook-endpoints", { url: "http://127.0.0.1:9/20" });
    expect(over.status).toBe(409);
    expect(await errorOf(over)).toMatchObject({
      reason: "webhook_endpoints_full",
      params: { max: "20" },
      message: expect.stringContaining("at most 20"),
    });
    expect((await otherCall("POST", "/v1/webhook-endpoints", { url: "http://127.0.0.1:9/a" })).status).toBe(
      201,
    );
  });

  it("rotates the secret with an overlap of at most 7 days, saying until when the old one still signs", async () => {
    const { h, call } = await setUp();
    const endpoint = await jsonOf<Endpoint>(
      await call("POST", "/v1/webhook-endpoints", { url: "http://127.0.0.1:9/a" }),
    );
    const path = `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`;
    expect((await call("POST", path, { overlapSeconds: 7 * 86_400 + 1 })).status).toBe(400);

    const rotated = await jsonOf<Endpoint>(await call("POST", path));
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    // Without a body: the default overlap of a day.
    expect(rotated.previousSecretValidUntil).toBe(new Date(h.deps.clock.now() + 86_400_000).toISOString());

    const immediate = await jsonOf<Endpoint>(await call("POST", path, { overlapSeconds: 0 }));
    expect(immediate.previousSecretValidUntil).toBeNull();
  });
});
