import { MultiMap } from "./multimap";
import {
  defaultNamePoolOptions,
  type NameHit,
  type NamePoolOptions,
  pickNamePool,
  searchableTokens,
} from "./name-pool";
import type { NameProfile } from "./names";

/** Records by the words of their names, to find the few worth scoring by name similarity. */
export class NameIndex<T> {
  readonly #byToken = new MultiMap<T>();
  readonly #byWholeName = new MultiMap<T>();
  readonly #keyOf: (item: T) => string;
  readonly #options: NamePoolOptions;

  /** `keyOf` gives each record a stable key that breaks ties between equally good records. */
  constructor(keyOf: (item: T) => string, options: Partial<NamePoolOptions> = {}) {
    this.#keyOf = keyOf;
    this.#options = { ...defaultNamePoolOptions, ...options };
  }

  add(name: NameProfile, item: T): void {
    for (const token of searchableTokens(name)) this.#byToken.add(token, item);
    this.#byWholeName.add(name.normalised || undefined, item);
  }

  delete(name: NameProfile, item: T): void {
    for (const token of searchableTokens(name)) this.#byToken.delete(token, item);
    this.#byWholeName.delete(name.normalised || undefined, item);
  }

  /** Records with the same normalised name or sharing uncommon words, best first, at most `poolSize`. */
  pool(name: NameProfile): T[] {
    const hits = new Map<T, NameHit<T>>();
    for (const item of this.#byWholeName.get(name.normalised || undefined)) {
      hits.set(item, { item, sharedTokens: 0, exactName: true });
    }
    for (const token of searchableTokens(name)) {
      if (this.#byToken.count(token) > this.#options.maxTokenFrequency) continue;
      for (const item of this.#byToken.get(token)) {
        const hit = hits.get(item);
        if (hit) hit.sharedTokens++;
        else hits.set(item, { item, sharedTokens: 1, exactName: false });
      }
    }
    return pickNamePool(hits.values(), this.#keyOf, this.#options.poolSize);
  }
}
