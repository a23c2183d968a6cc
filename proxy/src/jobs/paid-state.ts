import { describeError } from "../db/storage-error";
import type { ExactServiceContext } from "../services/context";
import { checkPaidState, type PaidCheckResult } from "../services/sales-entries/check-paid";

export interface PaidStateOptions {
  /** How often pushed, unpaid entries are checked. */
  intervalMs: number;
  batchSize: number;
}

/** Periodically reads back from Exact which pushed entries are paid. */
export function createPaidStateChecker(ctx: ExactServiceContext, options: PaidStateOptions) {
  const stopping = new AbortController();
  let loop: Promise<void> | undefined;

  const runOnce = (): Promise<PaidCheckResult> => checkPaidState(ctx, options);

  async function run() {
    while (!stopping.signal.aborted) {
      try {
        await runOnce();
      } catch (error) {
        ctx.logger.warn("paid-state check failed", {
          error: describeError(error),
        });
      }
      try {
        await ctx.clock.sleep(options.intervalMs, stopping.signal);
      } catch {
        // stopping
      }
    }
  }

  return {
    start() {
      loop ??= run();
    },
    runOnce,
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
