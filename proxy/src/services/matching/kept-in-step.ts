/**
 * In-process state derived from the database (an index of a division's accounts, of a tenant's customers),
 * one per database and key, brought up to date by `update` before every use. An update sees every change
 * committed before it was asked for: a caller arriving while an update runs waits for the next one, which
 * all callers arriving meanwhile share.
 */
export function keptInStep<S>() {
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
    let entry = entries.get(key);
    if (!entry) {
      entry = {};
      entries.set(key, entry);
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

  return function current(
    database: object,
    key: string,
    update: (state: S | undefined) => Promise<S>,
  ): Promise<S> {
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
  };
}
