import { describe, expect, it } from "vitest";
import { keptInStep, nextVersion } from "./kept-in-step";

type State = { bytes: number; builds: number };

function sized(budget: number) {
  const kept = keptInStep<State>({
    maxKeys: Number.POSITIVE_INFINITY,
    footprint: (state) => state.bytes,
    budget: () => budget,
  });
  const database = {};
  const builds = new Map<string, number>();
  const use = (key: string, bytes: number) =>
    kept(database, key, async (state) => {
      if (state) return state;
      builds.set(key, (builds.get(key) ?? 0) + 1);
      return { bytes, builds: builds.get(key)! };
    });
  return { kept, database, use, builds };
}

describe("keptInStep with a memory budget", () => {
  it("evicts the least recently used states to stay within the budget, and builds an evicted one again", async () => {
    const { kept, database, use, builds } = sized(100);
    await use("a", 40);
    await use("b", 40);
    await use("a", 40); // a is now the most recently used
    await use("c", 40);
    expect(kept.stats(database)).toEqual({ kept: 2, bytes: 80, evictions: 1 });
    expect(kept.peek(database, "b")).toBeUndefined();
    expect(kept.peek(database, "a")).toBeDefined();

    expect((await use("b", 40)).builds).toBe(2);
    expect(builds.get("a")).toBe(1);
    expect(kept.stats(database).bytes).toBeLessThanOrEqual(100);
  });

  it("keeps the state just built even when it alone is over the budget", async () => {
    const { kept, database, use } = sized(10);
    await use("a", 5);
    await use("big", 50);
    expect(kept.peek(database, "big")).toBeDefined();
    expect(kept.peek(database, "a")).toBeUndefined();
  });

  it("starts a build on the next turn without waiting for it, once, when asked whether a state is built", async () => {
    const kept = keptInStep<number>();
    const database = {};
    let builds = 0;
    let finish!: (value: number) => void;
    const build = () => {
      builds++;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    };
    expect(kept.ifBuilt(database, "k", build)).toBeUndefined();
    expect(kept.ifBuilt(database, "k", build)).toBeUndefined();
    // The caller answers first: the build has not begun in its turn.
    await Promise.resolve();
    expect(builds).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(kept.ifBuilt(database, "k", build)).toBeUndefined();
    expect(builds).toBe(1);
    finish(7);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(kept.ifBuilt(database, "k", build)).toBe(7);
  });

  it("never repeats a version", () => {
    const first = nextVersion();
    expect(nextVersion()).toBeGreaterThan(first);
  });
});
