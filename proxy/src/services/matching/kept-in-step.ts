/**
 * In-process state derived from the database (an index of a division's accounts, of a tenant's customers),
 * one per database and key, brought up to date by `update` before every use. An update sees every change
 * committed before it was asked for: a caller arriving while an update runs waits for the next one, which
 * all callers arriving meanwhile share. Only the `maxKeys` most recently used keys are kept, so that a
 * process serving many tenants holds the divisions in use, not every division it ever saw.
 */
export function keptInStep<S>(maxKeys = 32) {
  interface Entry {
    state?: S;
    running?: Promise<S>;
    next?: Promise<S>;
  }
  const byDatabase = new WeakMap<object, Map<string, Entry>>();

  function entryOf(database: object, key: string): Entry {
    let entries = byDatabase.get(database);
    if (!entries) {
      entries = new Map();
      byDatabase.set(database, entries);
    }
    const entry = entries.get(key) ?? {};
    entries.delete(key);
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= maxKeys) break;
      entries.delete(oldest);
    }
    return entry;
  }

  function run(entry: Entry, update: (state: S | undefined) => Promise<S>): Promise<S> {
    const running = update(entry.state).then((state) => {
      entry.state = state;
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

  function current(database: object, key: string, update: (state: S | undefined) => Promise<S>): Promise<S> {
    const entry = entryOf(database, key);
    if (!entry.running) return run(entry, update);
    if (!entry.next) {
      const after = entry.running;
      const next = after
        .catch(() => undefined)
        .then(() => {
          entry.next = undefined;
          return run(entry, update);
        });
      entry.next = next;
    }
    return entry.next;
  }

  return Object.assign(current, { peek });
}
