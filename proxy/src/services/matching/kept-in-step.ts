let versions = 0;

/** Rows read per statement when a state is first built: a large division is read and filed in parts. */
export const BUILD_PAGE = 2_000;

/** Lets requests run between the parts of a build: building a large state never holds the event loop for all of it. */
export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A version for a state just built or changed, unique in the process: a state evicted and built again never
 * repeats a version that something derived from its predecessor was keyed by.
 */
export function nextVersion(): number {
  return ++versions;
}

export interface KeptInStepOptions<S> {
  /** At most this many keys are kept per database (the least recently used go first). */
  maxKeys?: number;
  /** What one state is estimated to hold in memory, in bytes; with `budget`, eviction keeps the sum under it. */
  footprint?: (state: S) => number;
  /** The bytes all states of one database may hold together (`footprint`). */
  budget?: (database: object) => number;
}

/**
 * In-process state derived from the database (an index of a division's accounts, of a tenant's customers),
 * one per database and key, brought up to date by `update` before every use. An update sees every change
 * committed before it was asked for: a caller arriving while an update runs waits for the next one, which
 * all callers arriving meanwhile share. Only the most recently used keys are kept — at most `maxKeys`, and with a
 * `budget`, no more than fits in it (the state just brought up to date always stays) — so that a process
 * serving many tenants holds the divisions in use, not every division it ever saw. An evicted key is built
 * again when next asked for.
 */
export function keptInStep<S>(options: KeptInStepOptions<S> = {}) {
  const maxKeys = options.maxKeys ?? 32;
  interface Entry {
    state?: S;
    running?: Promise<S>;
    next?: Promise<S>;
  }
  interface Kept {
    entries: Map<string, Entry>;
    /** The key used last: asked again, it is already where the most recently used go. */
    newest?: string;
    evictions: number;
  }
  const byDatabase = new WeakMap<object, Kept>();

  function keptOf(database: object): Kept {
    let kept = byDatabase.get(database);
    if (!kept) {
      kept = { entries: new Map(), evictions: 0 };
      byDatabase.set(database, kept);
    }
    return kept;
  }

  function entryOf(database: object, key: string): Entry {
    const kept = keptOf(database);
    const { entries } = kept;
    const found = entries.get(key);
    if (found && kept.newest === key) return found;
    const entry = found ?? {};
    entries.delete(key);
    entries.set(key, entry);
    kept.newest = key;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxKeys) break;
      entries.delete(oldest);
      kept.evictions++;
    }
    return entry;
  }

  /** Evicts the least recently used states until the rest fit in the budget; `keep` always stays. */
  function fitBudget(database: object, keep: Entry) {
    const { footprint, budget } = options;
    if (!footprint || !budget) return;
    const kept = keptOf(database);
    const limit = budget(database);
    let total = 0;
    for (const entry of kept.entries.values()) if (entry.state !== undefined) total += footprint(entry.state);
    for (const [key, entry] of kept.entries) {
      if (total <= limit) break;
      if (entry === keep || entry.state === undefined) continue;
      total -= footprint(entry.state);
      kept.entries.delete(key);
      kept.evictions++;
    }
  }

  function run(database: object, entry: Entry, update: (state: S | undefined) => Promise<S>): Promise<S> {
    const running = update(entry.state).then((state) => {
      entry.state = state;
      fitBudget(database, entry);
      return state;
    });
    entry.running = running;
    const clear = () => {
      if (entry.running === running) entry.running = undefined;
    };
    running.then(clear, clear);
    return running;
  }

  /**
   * The state as last brought up to date, without updating it: for a caller that has just read what the
   * state is derived from and can tell, by comparing, that nothing changed since (see `division-probe.ts`).
   */
  function peek(database: object, key: string): S | undefined {
    return entryOf(database, key).state;
  }

  /**
   * The state if it was built (and not evicted since); if not, its build is started on the next turn (unless
   * one runs) and not waited for, so that a caller with another way to answer (the database) need not wait on a
   * full build.
   */
  function ifBuilt(
    database: object,
    key: string,
    update: (state: S | undefined) => Promise<S>,
  ): S | undefined {
    const entry = entryOf(database, key);
    if (entry.state === undefined && !entry.running) {
      // From the next turn on: the request that asked answers first, instead of sharing its turn with the build.
      run(database, entry, (state) => nextTurn().then(() => update(state))).catch(() => undefined);
    }
    return entry.state;
  }

  /** Drops a key's state from memory: it is built again when next asked for. */
  function forget(database: object, key: string): void {
    keptOf(database).entries.delete(key);
  }

  /** What one database's states hold now: how many, their estimated bytes, and how many were evicted so far. */
  function stats(database: object): { kept: number; bytes: number; evictions: number } {
    const kept = keptOf(database);
    let bytes = 0;
    let count = 0;
    for (const entry of kept.entries.values()) {
      if (entry.state === undefined) continue;
      count++;
      bytes += options.footprint?.(entry.state) ?? 0;
    }
    return { kept: count, bytes, evictions: kept.evictions };
  }

  function current(database: object, key: string, update: (state: S | undefined) => Promise<S>): Promise<S> {
    const entry = entryOf(database, key);
    if (!entry.running) return run(database, entry, update);
    if (!entry.next) {
      const after = entry.running;
      const next = after
        .catch(() => undefined)
        .then(() => {
          entry.next = undefined;
          return run(database, entry, update);
        });
      entry.next = next;
    }
    return entry.next;
  }

  return Object.assign(current, { peek, ifBuilt, forget, stats });
}
