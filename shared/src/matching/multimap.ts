/** Keys to sets of values; empty sets are dropped so the map only holds live keys. */
export class MultiMap<V> {
  readonly #sets = new Map<string, Set<V>>();

  add(key: string | undefined, value: V): void {
    if (key === undefined) return;
    const set = this.#sets.get(key);
    if (set) set.add(value);
    else this.#sets.set(key, new Set([value]));
  }

  delete(key: string | undefined, value: V): void {
    if (key === undefined) return;
    const set = this.#sets.get(key);
    if (!set) return;
    set.delete(value);
    if (set.size === 0) this.#sets.delete(key);
  }

  get(key: string | undefined): ReadonlySet<V> {
    return (key === undefined ? undefined : this.#sets.get(key)) ?? EMPTY;
  }

  count(key: string): number {
    return this.#sets.get(key)?.size ?? 0;
  }
}

const EMPTY: ReadonlySet<never> = new Set();
