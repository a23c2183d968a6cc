import { describe, expect, it } from "vitest";
import { readFixture } from "../seed/fixtures-dir";
import { DIVISION, type Json, ORIGIN, testSim } from "../testing/test-sim";
import { webhookHashCode } from "./webhook-signature";

interface Received {
  url: string;
  body: string;
  contentLength: string | null;
}

function capturingFetch(received: Received[], status = 200): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = await request.text();
    received.push({ url: request.url, body, contentLength: String(new TextEncoder().encode(body).length) });
    return new Response(null, { status });
  };
}

const subscribe = (env: ReturnType<typeof testSim>, topic = "Accounts") =>
  env.api(`/api/v1/${DIVISION}/webhooks/WebhookSubscriptions`, {
    method: "POST",
    body: JSON.stringify({ CallbackURL: "https://proxy.test/webhooks/exact", Topic: topic }),
    headers: { Prefer: "return=representation" },
  });

describe("webhook signature", () => {
  it("reproduces the fixture test vector", () => {
    const vector = readFixture<{ secret: string; signedSubstring: string; expectedHashCode: string }>(
      "synthetic/webhook-accounts-update-signed.vector.json",
    );
    expect(webhookHashCode(vector.secret, vector.signedSubstring)).toBe(vector.expectedHashCode);
  });
});

describe("webhook subscriptions", () => {
  it("validates the callback with an empty POST, then delivers signed Update and Delete notifications", async () => {
    const received: Received[] = [];
    const env = testSim({ fetch: capturingFetch(received), webhookSecret: "zapfloor-test-webhook-secret" });
    const response = await subscribe(env);
    expect(response.status).toBe(201);
    const subscription: Json = (await response.json()).d;
    expect(subscription).toMatchObject({
      Topic: "Accounts",
      CallbackURL: "https://proxy.test/webhooks/exact",
      Division: DIVISION,
    });
    await env.sim.control.flushWebhooks();
    expect(received).toEqual([{ url: "https://proxy.test/webhooks/exact", body: "", contentLength: "0" }]);

    const account = env.sim.control.insertAccount(DIVISION, { Name: "Webhook BV" });
    env.sim.control.deleteAccount(DIVISION, account.ID);
    await env.sim.control.flushWebhooks();
    expect(received).toHaveLength(3);
    const [update, remove] = [received[1]!, received[2]!];
    for (const delivery of [update, remove]) {
      const raw = delivery.body.slice('{"Content":'.length, delivery.body.indexOf(',"HashCode":'));
      const body = JSON.parse(delivery.body);
      expect(body.HashCode).toBe(webhookHashCode("zapfloor-test-webhook-secret", raw));
      expect(body.HashCode).toMatch(/^[0-9A-F]{64}$/);
      expect(Object.keys(body.Content)).toEqual(
        Object.keys(readFixture<Json>("synthetic/webhook-accounts-update-signed.json").Content),
      );
      expect(body.Content).toMatchObject({
        Topic: "Accounts",
        ClientId: "sandbox-client-id",
        Division: DIVISION,
        Key: account.ID,
      });
      expect(body.Content.ExactOnlineEndpoint).toBe(
        `${ORIGIN}/api/v1/${DIVISION}/crm/Accounts(guid'${account.ID}')`,
      );
      expect(body.Content.EventCreatedOn).toBe("2026-06-25T14:00:00.000");
    }
    expect(JSON.parse(update.body).Content.Action).toBe("Update");
    expect(JSON.parse(remove.body).Content.Action).toBe("Delete");
  });

  it("does not deliver to a subscription whose validation call failed", async () => {
    const received: Received[] = [];
    const env = testSim({ fetch: capturingFetch(received, 500) });
    await subscribe(env);
    await env.sim.control.flushWebhooks();
    env.sim.control.insertAccount(DIVISION, { Name: "Stil" });
    await env.sim.control.flushWebhooks();
    expect(received).toHaveLength(1);
    expect(env.sim.control.webhookDeliveries()[0]).toMatchObject({ kind: "validation", status: 500 });
  });

  it("refuses a second subscription for the same topic with 500 'Gegeven bestaat reeds'", async () => {
    const env = testSim({ fetch: capturingFetch([]) });
    expect((await subscribe(env)).status).toBe(201);
    const duplicate = await subscribe(env);
    expect(duplicate.status).toBe(500);
    expect((await duplicate.json()).error.message.value).toContain("Gegeven bestaat reeds");
    const listed: Json = await env.json(`/api/v1/${DIVISION}/webhooks/WebhookSubscriptions`);
    expect(listed.d.results).toHaveLength(1);
    const id = listed.d.results[0].ID;
    const deleted = await env.api(`/api/v1/${DIVISION}/webhooks/WebhookSubscriptions(guid'${id}')`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
  });
});
