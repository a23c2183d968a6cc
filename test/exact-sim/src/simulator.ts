import type { Hono } from "hono";
import { createSimulatorApp } from "./app";
import type { CallLog } from "./calls/call-log";
import type { ControllableClock } from "./clock/accelerated-clock";
import { createSimClock } from "./clock/sim-clock";
import { SimulatorControl } from "./control/simulator-control";
import { type ExactSimulatorOptions, type ResolvedOptions, resolveOptions } from "./options";
import { createRuntime } from "./runtime";
import { seedState } from "./seed/seed-state";
import { SimEvents } from "./state/events";
import type { SimulatorState } from "./state/simulator-state";
import { DEFAULT_USER } from "./state/user";

export interface ExactSimulator {
  /** Serve it, or call it in process with `app.request(url, init)`. */
  app: Hono;
  /** Division data: inspect or change it directly in tests. */
  state: SimulatorState;
  /** The simulator's time; the clock passed in when it was controllable. */
  clock: ControllableClock;
  /** The operations of the HTTP control API (`/__sim/…`). */
  control: SimulatorControl;
  /** Every answered API call with counters per division, endpoint and status. */
  calls: CallLog;
  options: ResolvedOptions;
}

/** Builds a seeded simulator (deterministic for `options.seed.seed` and a fixed clock). */
export function createExactSimulator(options: ExactSimulatorOptions = {}): ExactSimulator {
  const resolved = resolveOptions(options);
  const clock = createSimClock(options.clock);
  const runtime = createRuntime({
    clock,
    options: resolved,
    user: { ...DEFAULT_USER, ...options.user },
    events: new SimEvents(),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  });
  seedState(runtime, resolved.seed);
  const control = new SimulatorControl(runtime, clock, resolved.seed);
  return {
    app: createSimulatorApp(runtime, control),
    state: runtime.state,
    clock,
    control,
    calls: runtime.calls,
    options: resolved,
  };
}
