const NONE: readonly never[] = [];

/**
 * Values a key holds as an array of exactly their number up to this many: pushing onto a small array would
 * leave it room for some fifteen more, and most keys of an index hold two or three values. Beyond it, pushing
 * keeps adding cheap.
 */
const EXACT_UP_TO = 16;

/**
 * Keys to values, for indexes: a value is added under a given key at most once (callers dedupe their
 * keys), so adding never scans. Keys left without values are dropped. A key with one value holds it directly
 * and a key with more holds their array, which keeps a large index light: values are objects, never arrays.
 */
export class MultiMap<V extends object, K extends string | number = string> {
  readonly #entries = new Map<K, V | V[]>();

  add(key: K | undefined, value: V): void {
    if (key === undefined) return;
    const entry = this.#entries.get(key);
    if (entry === undefined) this.#entries.set(key, value);
    else if (!Array.isArray(entry)) this.#entries.set(key, [entry, value]);
    else if (entry.length < EXACT_UP_TO) this.#entries.set(key, entry.concat(value));
    else entry.push(value);
  }

  delete(key: K | undefined, value: V): void {
    if (key === undefined) return;
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    if (!Array.isArray(entry)) {
      if (entry === value) this.#entries.delete(key);
      return;
    }
    const position = entry.indexOf(value);
    if (position >= 0) entry.splice(position, 1);
    if (entry.length === 1) this.#entries.set(key, entry[0]!);
  }

  /** The values under `key`; do not modify the returned array. */
  get(key: K | undefined): readonly V[] {
    if (key === undefined) return NONE;
    const entry = this.#entries.get(key);
    if (entry === undefined) return NONE;
    return Array.isArray(entry) ? entry : [entry];
  }

  count(key: K): number {
    const entry = this.#entries.get(key);
    if (entry === undefined) return 0;
    return Array.isArray(entry) ? entry.length : 1;
  }
}
