import { describeError } from "../db/storage-error";
import type { Env } from "../env";
import type { ExactServiceContext } from "../services/context";
import { defaultRetryPolicy, type RetryPolicy } from "../services/sales-entries/attempt-errors";
import type { LinkCustomer } from "../services/sales-entries/customer-link";
import { type PushResult, pushDueEntries } from "../services/sales-entries/push-entries";
import type { PaidStateOptions } from "./paid-state";

export interface OutboxWorkerOptions {
  /** How long the worker sleeps when nothing is due (a submit wakes it at once). */
  pollMs: number;
  /** How long a claimed entry stays reserved without a renewal: longer than any single Exact call can take. */
  leaseMs: number;
  batchSize: number;
  retry: RetryPolicy;
  linkCustomer: LinkCustomer;
  /** Look every entry up by `YourRef` before its first POST (after restoring a backup). */
  lookUpFirst: boolean;
}

/**
 * Pushes the sales-entry outbox to Exact from inside the proxy process. Several processes may run one each: they
 * share the work through leases in the database.
 */
export function createOutboxWorker(ctx: ExactServiceContext, options: OutboxWorkerOptions) {
  const stopping = new AbortController();
  let wake = new AbortController();
  let loop: Promise<void> | undefined;

  const runOnce = (): Promise<PushResult> =>
    pushDueEntries(ctx, { ...options, owner: ctx.exact.instanceId, signal: stopping.signal });

  async function run() {
    while (!stopping.signal.aborted) {
      let claimed = 0;
      try {
        claimed = (await runOnce()).claimed;
      } catch (error) {
        ctx.logger.error("outbox worker run failed", {
          error: describeError(error),
        });
      }
      if (claimed > 0) continue;
      try {
        await ctx.clock.sleep(options.pollMs, AbortSignal.any([wake.signal, stopping.signal]));
      } catch {
        // woken up or stopping
      }
      if (wake.signal.aborted) wake = new AbortController();
    }
  }

  return {
    start() {
      loop ??= run();
    },
    /** Something was queued: look now instead of at the next poll. */
    kick() {
      wake.abort();
    },
    runOnce,
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

/** The outbox worker and paid-state checker as configured by the environment. */
export function salesEntryJobOptions(
  env: Pick<
    Env,
    | "OUTBOX_POLL_MS"
    | "OUTBOX_LEASE_MS"
    | "OUTBOX_RETRY_BASE_MS"
    | "OUTBOX_UNKNOWN_OUTCOME_MS"
    | "OUTBOX_LOOK_UP_FIRST"
    | "PAID_CHECK_MINUTES"
  >,
  linkCustomer: LinkCustomer,
): { outbox: OutboxWorkerOptions; paidState: PaidStateOptions } {
  return {
    outbox: {
      pollMs: env.OUTBOX_POLL_MS,
      leaseMs: env.OUTBOX_LEASE_MS,
      batchSize: 100,
      retry: {
        ...defaultRetryPolicy,
        baseDelayMs: env.OUTBOX_RETRY_BASE_MS,
        unknownOutcomeDelayMs: env.OUTBOX_UNKNOWN_OUTCOME_MS,
      },
      linkCustomer,
      lookUpFirst: env.OUTBOX_LOOK_UP_FIRST,
    },
    paidState: { intervalMs: env.PAID_CHECK_MINUTES * 60_000, batchSize: 500 },
  };
}
