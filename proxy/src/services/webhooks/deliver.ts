import { eq } from "drizzle-orm";
import { webhookEndpoints } from "../../db/schema";
import { eventView } from "../events/event-view";
import type { WebhookContext } from "./context";
import {
  type DeliveryRow,
  eventOfDelivery,
  finishDelivery,
  pauseFailingEndpoint,
  releaseDelivery,
} from "./delivery-store";
import { signingSecrets } from "./endpoint-secrets";
import { isDelivered, postDelivery } from "./post-delivery";
import { webhookHeaders } from "./signature";

export interface DeliveryPolicy {
  /** A 2xx must come within this long. */
  timeoutMs: number;
  /** Exponential backoff: the first retry after `baseMs`, doubling, never more than `maxMs` apart. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** An endpoint that has not taken a delivery for this long (while retried throughout) is paused. */
  pauseAfterMs: number;
}

export const retryDelay = (attempts: number, policy: DeliveryPolicy) =>
  Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));

const describe = (status: number | null, error: string | null) =>
  status !== null ? `HTTP ${status}` : (error ?? "no answer");

/** Sends one claimed delivery and records how it went; returns whether the receiver took it. */
export async function deliverOne(
  ctx: WebhookContext,
  row: DeliveryRow,
  owner: string,
  policy: DeliveryPolicy,
): Promise<boolean> {
  const [endpoint] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, row.endpointId));
  const event = await eventOfDelivery(ctx.db, row.eventSeq);
  if (!endpoint || !event || endpoint.status !== "enabled") {
    await releaseDelivery(ctx.db, row, owner, ctx.clock.now());
    return false;
  }
  const now = ctx.clock.now();
  const body = JSON.stringify(eventView(event));
  const headers = webhookHeaders(
    signingSecrets(ctx.exact.cipher, endpoint, now),
    event.id,
    Math.floor(now / 1000),
    body,
  );
  const result = await postDelivery(endpoint.url, headers, body, policy.timeoutMs);
  const delivered = isDelivered(result);
  const at = ctx.clock.now();
  const attempt = {
    at,
    status: result.status,
    error: delivered ? null : (result.error ?? `HTTP ${result.status}`),
    latencyMs: result.latencyMs,
  };
  await ctx.db.transaction(async (tx) => {
    const done = await finishDelivery(
      tx,
      row,
      owner,
      attempt,
      delivered
        ? { delivered: true }
        : { delivered: false, nextAttemptAt: at + retryDelay(row.attempts, policy) },
    );
    if (!done || delivered || done.failingSince === null) return;
    if (at - done.failingSince >= policy.pauseAfterMs) {
      const hours = Math.round((at - done.failingSince) / 360_000) / 10;
      await pauseFailingEndpoint(
        tx,
        row.endpointId,
        `No delivery succeeded for ${hours} h (${row.attempts} attempts for event ${row.eventId}); the last one: ${describe(result.status, result.error)}.`,
        at,
      );
    }
  });
  if (!delivered)
    ctx.logger.info("webhook delivery failed", {
      endpointId: row.endpointId,
      eventId: row.eventId,
      attempt: row.attempts,
      outcome: describe(result.status, result.error),
    });
  return delivered;
}
