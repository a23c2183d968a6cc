import { describeError } from "../db/storage-error";
import type { ServiceContext } from "../services/context";

export interface PollLoopOptions {
  /** Named in the log when a round fails. */
  name: string;
  /** How long the loop sleeps when a round found nothing more to do (a kick wakes it at once). */
  pollMs: number;
  /** One round of work; true when there may be more at once. A throw is logged and the loop sleeps. */
  round: (signal: AbortSignal) => Promise<boolean>;
}

/** A background loop that runs rounds until stopped: again at once while there is more, otherwise after a poll. */
export function createPollLoop(ctx: Pick<ServiceContext, "clock" | "logger">, options: PollLoopOptions) {
  const stopping = new AbortController();
  let wake = new AbortController();
  let loop: Promise<void> | undefined;

  async function run() {
    while (!stopping.signal.aborted) {
      let more = false;
      try {
        more = await options.round(stopping.signal);
      } catch (error) {
        ctx.logger.error(`${options.name} run failed`, { error: describeError(error) });
      }
      if (more) continue;
      try {
        await ctx.clock.sleep(options.pollMs, AbortSignal.any([wake.signal, stopping.signal]));
      } catch {
        // woken up or stopping
      }
      if (wake.signal.aborted) wake = new AbortController();
    }
  }

  return {
    /** Aborted once the loop is told to stop. */
    signal: stopping.signal,
    start() {
      loop ??= run();
    },
    /** Look now instead of at the next poll. */
    kick() {
      wake.abort();
    },
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
