import type { DivisionApi } from "../client";
import { literal } from "../odata";
import { webhookSubscription } from "../schemas";

const select = ["ID", "CallbackURL", "Topic"];

/** This app's subscriptions in the division (other apps' are invisible). [§7] */
export function webhookSubscriptions(api: DivisionApi, topic: string) {
  return api.list(
    "webhooks/WebhookSubscriptions",
    { select, filter: `Topic eq ${literal(topic)}` },
    webhookSubscription,
  );
}

/** Exact then posts an empty body to the callback, which must answer 2xx. [§7, I-hookdeck-152] */
export function subscribeWebhook(api: DivisionApi, topic: string, callbackUrl: string) {
  return api.create(
    "webhooks/WebhookSubscriptions",
    { Topic: topic, CallbackURL: callbackUrl },
    webhookSubscription,
  );
}
