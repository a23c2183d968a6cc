import { createHmac } from "node:crypto";

/**
 * `HashCode` = upper-case hex HMAC-SHA256 of the raw `Content` JSON with the app's webhook secret
 * [exact-online-api.md §7, S3 Authenticatable.php; test vector synthetic/webhook-accounts-update-signed.vector.json].
 */
export function webhookHashCode(secret: string, rawContent: string): string {
  return createHmac("sha256", secret).update(rawContent, "utf8").digest("hex").toUpperCase();
}

export interface WebhookContent {
  Topic: string;
  ClientId: string;
  Division: number;
  Action: "Update" | "Delete";
  Key: string;
  ExactOnlineEndpoint: string;
  EventCreatedOn: string;
}

/** The delivery body, compact JSON with `Content` first and `HashCode` last, as Exact sends it. */
export function signedWebhookBody(secret: string, content: WebhookContent): string {
  const raw = JSON.stringify({
    Topic: content.Topic,
    ClientId: content.ClientId,
    Division: content.Division,
    Action: content.Action,
    Key: content.Key,
    ExactOnlineEndpoint: content.ExactOnlineEndpoint,
    EventCreatedOn: content.EventCreatedOn,
  });
  return `{"Content":${raw},"HashCode":"${webhookHashCode(secret, raw)}"}`;
}
