import type { Env } from "../env";
import type { ExactServiceContext } from "../services/context";
import { defaultRetryPolicy, type RetryPolicy } from "../services/sales-entries/attempt-errors";
import type { LinkCustomer } from "../services/sales-entries/customer-link";
import { type PushResult, pushDueEntries } from "../services/sales-entries/push-entries";
import type { PaidStateOptions } from "./paid-state";
import { createPollLoop } from "./poll-loop";

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
  const loop = createPollLoop(ctx, {
    name: "outbox worker",
    pollMs: options.pollMs,
    round: async () => (await runOnce()).claimed > 0,
  });
  const runOnce = (): Promise<PushResult> =>
    pushDueEntries(ctx, { ...options, owner: ctx.exact.instanceId, signal: loop.signal });

  return {
    start: loop.start,
    /** Something was queued: look now instead of at the next poll. */
    kick: loop.kick,
    runOnce,
    stop: loop.stop,
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
