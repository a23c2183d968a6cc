import { systemClock } from "@zapfloor-exact/shared/clock";
import { describe, expect, it } from "vitest";
import { createAcceleratedClock } from "./accelerated-clock";
import { createManualClock } from "./manual-clock";
import { createSimClock } from "./sim-clock";

describe("manual clock", () => {
  it("only moves when advanced, waking sleepers in order", async () => {
    const clock = createManualClock(1_000);
    const woken: string[] = [];
    const a = clock.sleep(500).then(() => woken.push("a"));
    const b = clock.sleep(100).then(() => woken.push("b"));
    clock.advance(99);
    await Promise.resolve();
    expect(woken).toEqual([]);
    clock.advance(1);
    await b;
    expect(woken).toEqual(["b"]);
    clock.set(2_000);
    await a;
    expect(woken).toEqual(["b", "a"]);
    expect(clock.now()).toBe(2_000);
  });

  it("rejects a sleep when its signal aborts", async () => {
    const clock = createManualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });
});

describe("accelerated clock", () => {
  it("starts at startAt and never runs backwards", () => {
    const clock = createAcceleratedClock({ speed: 100, startAt: 5_000 });
    const first = clock.now();
    expect(first).toBeGreaterThanOrEqual(5_000);
    expect(clock.now()).toBeGreaterThanOrEqual(first);
  });

  it("sleeps clock time divided by the speed: a 10-minute sleep at ×100,000 resolves at once", async () => {
    const clock = createAcceleratedClock({ speed: 100_000, startAt: 0 });
    await clock.sleep(600_000);
    expect(clock.now()).toBeGreaterThanOrEqual(600_000);
  });

  it("wakes a sleeper when advanced past its wake-up time", async () => {
    const clock = createAcceleratedClock({ speed: 1, startAt: 0 });
    const sleeping = clock.sleep(3_600_000);
    clock.advance(3_600_000);
    await sleeping;
    expect(clock.now()).toBeGreaterThanOrEqual(3_600_000);
  });

  it("refuses a non-positive speed", () => {
    expect(() => createAcceleratedClock({ speed: 0 })).toThrow(RangeError);
  });
});

describe("simulator clock", () => {
  it("moves a shared controllable clock itself, so both sides see the same time", () => {
    const shared = createManualClock(10);
    const clock = createSimClock(shared);
    clock.advance(5);
    expect(shared.now()).toBe(15);
  });

  it("offsets the system clock locally", () => {
    const clock = createSimClock(systemClock);
    clock.advance(86_400_000);
    expect(clock.now() - Date.now()).toBeGreaterThan(86_000_000);
  });
});
