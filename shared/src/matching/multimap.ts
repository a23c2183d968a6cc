/** Several values under one key; a key with one value holds it directly, which keeps a large index light. */
class Bucket<V> {
  constructor(readonly items: V[]) {}
}

const NONE: readonly never[] = [];

/**
 * Keys to values, for indexes: a value is added under a given key at most once (callers dedupe their
 * keys), so adding never scans. Keys left without values are dropped.
 */
export class MultiMap<V, K extends string | number = string> {
  readonly #entries = new Map<K, V | Bucket<V>>();

  add(key: K | undefined, value: V): void {
    if (key === undefined) return;
    const entry = this.#entries.get(key);
    if (entry === undefined) this.#entries.set(key, value);
    else if (entry instanceof Bucket) entry.items.push(value);
    else this.#entries.set(key, new Bucket([entry, value]));
  }

  delete(key: K | undefined, value: V): void {
    if (key === undefined) return;
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    if (!(entry instanceof Bucket)) {
      if (entry === value) this.#entries.delete(key);
      return;
    }
    const position = entry.items.indexOf(value);
    if (position >= 0) entry.items.splice(position, 1);
    if (entry.items.length === 1) this.#entries.set(key, entry.items[0]!);
  }

  /** The values under `key`; do not modify the returned array. */
  get(key: K | undefined): readonly V[] {
    if (key === undefined) return NONE;
    const entry = this.#entries.get(key);
    if (entry === undefined) return NONE;
    return entry instanceof Bucket ? entry.items : [entry];
  }

  count(key: K): number {
    const entry = this.#entries.get(key);
    if (entry === undefined) return 0;
    return entry instanceof Bucket ? entry.items.length : 1;
  }
}
