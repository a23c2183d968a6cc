import type { Clock } from "@zapfloor-exact/shared/clock";

/** A clock tests can speed up and jump forward; `now()` = start + real elapsed × speed + offset. */
export interface ControllableClock extends Clock {
  /** Jumps forward (or back, with a negative value) by `ms` of clock time and wakes sleepers that are due. */
  advance(ms: number): void;
  /** Sets the clock to an absolute epoch-ms value. */
  set(epochMs: number): void;
}

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Real time multiplied by `speed`: `sleep(ms)` waits `ms / speed` real milliseconds, and `advance(ms)` jumps
 * forward, resolving sleepers whose wake-up time has passed.
 */
export function createAcceleratedClock(options: { speed: number; startAt?: number }): ControllableClock {
  const speed = options.speed;
  if (!(speed > 0)) throw new RangeError("speed must be a positive number");
  const realStart = Date.now();
  const start = options.startAt ?? realStart;
  let offset = 0;
  const sleepers = new Set<Sleeper>();

  const now = () => start + (Date.now() - realStart) * speed + offset;

  const schedule = (sleeper: Sleeper) => {
    if (sleeper.timer) clearTimeout(sleeper.timer);
    const remaining = sleeper.wakeAt - now();
    if (remaining <= 0) {
      sleepers.delete(sleeper);
      sleeper.resolve();
      return;
    }
    sleeper.timer = setTimeout(() => schedule(sleeper), Math.max(1, Math.ceil(remaining / speed)));
  };

  return {
    now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper: Sleeper = {
          wakeAt: now() + ms,
          timer: undefined,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          if (sleeper.timer) clearTimeout(sleeper.timer);
          sleepers.delete(sleeper);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        sleepers.add(sleeper);
        schedule(sleeper);
      });
    },
    advance(ms) {
      offset += ms;
      for (const sleeper of [...sleepers]) schedule(sleeper);
    },
    set(epochMs) {
      offset += epochMs - now();
      for (const sleeper of [...sleepers]) schedule(sleeper);
    },
  };
}
