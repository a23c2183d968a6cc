import type { Clock } from "@zapfloor-exact/shared/clock";

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

/** A clock that moves only when told to; `sleep` resolves once the clock has been advanced far enough. */
export function createManualClock(startAt: number): ManualClock {
  let now = startAt;
  const sleepers: { until: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const sleeper of sleepers.filter((s) => s.until <= now)) {
      sleepers.splice(sleepers.indexOf(sleeper), 1);
      sleeper.resolve();
    }
  };
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper = { until: now + ms, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener("abort", () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal.reason);
        });
        wake();
      }),
    advance: (ms) => {
      now += ms;
      wake();
    },
    set: (epochMs) => {
      now = epochMs;
      wake();
    },
  };
}
