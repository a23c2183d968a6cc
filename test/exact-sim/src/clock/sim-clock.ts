import { type Clock, systemClock } from "@zapfloor-exact/shared/clock";
import type { ControllableClock } from "./accelerated-clock";

function isControllable(clock: Clock): clock is ControllableClock {
  return (
    typeof (clock as Partial<ControllableClock>).advance === "function" &&
    typeof (clock as Partial<ControllableClock>).set === "function"
  );
}

/**
 * The simulator's clock. A controllable clock passed in (shared with the proxy under test) is moved itself, so
 * both sides see the same time; any other clock (the system clock) gets a local offset.
 */
export function createSimClock(base: Clock = systemClock): ControllableClock {
  if (isControllable(base)) return base;
  let offset = 0;
  return {
    now: () => base.now() + offset,
    sleep: (ms, signal) => base.sleep(ms, signal),
    advance(ms) {
      offset += ms;
    },
    set(epochMs) {
      offset = epochMs - base.now();
    },
  };
}
