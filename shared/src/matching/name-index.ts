import { MultiMap } from "./multimap";
import { defaultNamePoolOptions, type NamePoolAccess, type NamePoolOptions, pickNamePool } from "./name-pool";
import { searchTokens } from "./names";

/** Records by the words of their names, to find the few worth scoring by name similarity. */
export class NameIndex<T extends object> {
  readonly #byToken = new MultiMap<T>();
  readonly #access: NamePoolAccess<T>;
  readonly #options: NamePoolOptions;

  constructor(access: NamePoolAccess<T>, options: Partial<NamePoolOptions> = {}) {
    this.#access = access;
    this.#options = { ...defaultNamePoolOptions, ...options };
  }

  add(name: string, item: T): void {
    for (const token of searchTokens(name)) this.#byToken.add(token, item);
  }

  delete(name: string, item: T): void {
    for (const token of searchTokens(name)) this.#byToken.delete(token, item);
  }

  /**
   * Records sharing an uncommon word with `name`, or, when every word is common, those with exactly the
   * same name (found through its rarest word); at most `poolSize`, the most similar first in line.
   */
  pool(name: string): readonly T[] {
    const lists: (readonly T[])[] = [];
    let uncommonWords = 0;
    let rarest: readonly T[] | undefined;
    for (const token of searchTokens(name)) {
      const postings = this.#byToken.get(token);
      if (postings.length > this.#options.maxTokenFrequency) {
        if (rarest === undefined || postings.length < rarest.length) rarest = postings;
        continue;
      }
      uncommonWords++;
      if (postings.length > 0) lists.push(postings);
    }
    let found: readonly T[] = [];
    if (lists.length === 1) found = lists[0]!;
    else if (lists.length > 1) found = [...new Set(lists.flat())];
    else if (uncommonWords === 0 && rarest !== undefined) found = this.#twins(rarest, name);
    return pickNamePool(found, name, this.#access, this.#options.poolSize);
  }

  #twins(candidates: readonly T[], name: string): T[] {
    const twins: T[] = [];
    for (const item of candidates) if (this.#access.nameOf(item) === name) twins.push(item);
    return twins;
  }
}
