import { subscribeWebhook, webhookSubscriptions } from "../../exact/resources/webhooks";
import type { ExactServiceContext } from "../context";

export type WebhookOutcome = "subscribed" | "already_subscribed" | "not_reachable" | "no_secret";

/**
 * Subscribes the division's account changes to the proxy's webhook receiver, once. Exact only calls back over
 * HTTPS [§7, P-invantive-webhook-cloud]; with an http public URL (a local proxy) the real Exact is left alone and
 * the periodic sync carries the changes. A simulator (an overridden Exact base URL) accepts http. Without the
 * app's webhook secret no delivery could be verified, so none is asked for.
 */
export async function ensureAccountsWebhook(
  ctx: ExactServiceContext & { publicUrl: string },
  input: { tenantId: string; division: number },
): Promise<WebhookOutcome> {
  if (!ctx.exact.app.webhookSecret) return "no_secret";
  const callbackUrl = `${ctx.publicUrl}/webhooks/exact`;
  if (!callbackUrl.startsWith("https://") && !ctx.exact.app.baseUrl) return "not_reachable";
  const api = ctx.exact.client.division(input.tenantId, input.division);
  const existing = await webhookSubscriptions(api, "Accounts");
  if (existing.some((subscription) => subscription.CallbackURL === callbackUrl)) return "already_subscribed";
  await subscribeWebhook(api, "Accounts", callbackUrl);
  ctx.logger.info("webhook subscribed", { ...input, topic: "Accounts" });
  return "subscribed";
}
