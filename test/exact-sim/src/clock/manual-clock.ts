import type { ControllableClock } from "./accelerated-clock";

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/** A clock that only moves when told to: `sleep()` resolves once `advance()`/`set()` reach its wake-up time. */
export function createManualClock(startAt: number): ControllableClock {
  let current = startAt;
  const sleepers = new Set<Sleeper>();

  const wakeDue = () => {
    const due = [...sleepers].filter((s) => s.wakeAt <= current).sort((a, b) => a.wakeAt - b.wakeAt);
    for (const sleeper of due) {
      sleepers.delete(sleeper);
      sleeper.resolve();
    }
  };

  return {
    now: () => current,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) return resolve();
        const sleeper: Sleeper = {
          wakeAt: current + ms,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          sleepers.delete(sleeper);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        sleepers.add(sleeper);
      });
    },
    advance(ms) {
      current += ms;
      wakeDue();
    },
    set(epochMs) {
      current = epochMs;
      wakeDue();
    },
  };
}
