import { describeError } from "../db/storage-error";
import type { Env } from "../env";
import { purgeOldEvents } from "../services/events/purge-events";
import type { WebhookContext } from "../services/webhooks/context";
import { type DeliveryPolicy, deliverOne } from "../services/webhooks/deliver";
import { claimDueDeliveries, endpointsWithDueDeliveries } from "../services/webhooks/delivery-store";
import { createPollLoop } from "./poll-loop";

export interface WebhookWorkerOptions extends DeliveryPolicy {
  /** How often the worker looks for due deliveries when nothing woke it. */
  pollMs: number;
  /** Deliveries in flight at once in this process, and per endpoint. */
  concurrency: number;
  perEndpoint: number;
  /** How often events older than the retention are removed. */
  purgeEveryMs: number;
  retentionMs: number;
}

/**
 * Delivers events to webhook endpoints from inside the proxy process. Several processes may run one each: they
 * share the work through leases in the database. Deliveries run beside the API, never in its requests, and a
 * receiver that hangs holds one slot for at most its timeout.
 */
export function createWebhookWorker(ctx: WebhookContext, options: WebhookWorkerOptions) {
  const inFlight = new Map<string, number>();
  const running = new Set<Promise<unknown>>();
  let total = 0;
  let lastPurge = 0;
  const owner = ctx.exact.instanceId;
  // A claim outlives the receiver's timeout: a lease runs out only when its process is gone.
  const leaseMs = options.timeoutMs * 2 + 1000;

  async function round(): Promise<number> {
    let claimed = 0;
    const now = ctx.clock.now();
    for (const endpointId of await endpointsWithDueDeliveries(ctx.db, now)) {
      const free = Math.min(
        options.perEndpoint - (inFlight.get(endpointId) ?? 0),
        options.concurrency - total,
      );
      if (free <= 0) continue;
      const rows = await claimDueDeliveries(ctx.db, endpointId, { owner, now, leaseMs, limit: free });
      for (const row of rows) {
        claimed++;
        total++;
        inFlight.set(endpointId, (inFlight.get(endpointId) ?? 0) + 1);
        const work = deliverOne(ctx, row, owner, options)
          .catch((error: unknown) => {
            ctx.logger.error("webhook delivery failed unexpectedly", {
              endpointId,
              eventId: row.eventId,
              error: describeError(error),
            });
          })
          .finally(() => {
            total--;
            inFlight.set(endpointId, (inFlight.get(endpointId) ?? 1) - 1);
            running.delete(work);
            // A slot is free, and the resource's next event may be due: look again.
            loop.kick();
          });
        running.add(work);
      }
    }
    return claimed;
  }

  const loop = createPollLoop(ctx, {
    name: "webhook worker",
    pollMs: options.pollMs,
    round: async () => {
      if (ctx.clock.now() - lastPurge >= options.purgeEveryMs) {
        lastPurge = ctx.clock.now();
        await purgeOldEvents(ctx, { olderThanMs: options.retentionMs });
      }
      return (await round()) > 0 && total < options.concurrency;
    },
  });

  return {
    start: loop.start,
    /** Something was recorded: look now instead of at the next poll. */
    kick: loop.kick,
    async stop() {
      await loop.stop();
      await Promise.allSettled([...running]);
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;

/** The webhook worker as configured by the environment. */
export function webhookJobOptions(
  env: Pick<
    Env,
    | "WEBHOOK_POLL_MS"
    | "WEBHOOK_TIMEOUT_MS"
    | "WEBHOOK_RETRY_BASE_MS"
    | "WEBHOOK_RETRY_MAX_MS"
    | "WEBHOOK_PAUSE_AFTER_HOURS"
    | "WEBHOOK_CONCURRENCY"
  >,
): WebhookWorkerOptions {
  return {
    pollMs: env.WEBHOOK_POLL_MS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: env.WEBHOOK_RETRY_MAX_MS,
    pauseAfterMs: env.WEBHOOK_PAUSE_AFTER_HOURS * 3_600_000,
    concurrency: env.WEBHOOK_CONCURRENCY,
    perEndpoint: Math.max(1, Math.min(4, env.WEBHOOK_CONCURRENCY)),
    purgeEveryMs: 3_600_000,
    retentionMs: EVENT_RETENTION_MS,
  };
}

/** Events (and their deliveries) are kept this long; the feed reaches back as far. */
export const EVENT_RETENTION_MS = 30 * 86_400_000;
