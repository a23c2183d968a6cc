import type { CodeComparisonOptions } from "./codes";
import type { CodeKeys } from "./keys";
import { MultiMap } from "./multimap";

/**
 * Values keyed by a Code-like value. All-digit values are filed under their integer, so one map answers
 * both comparisons: without zero-padded numeric equality the hits are narrowed to the same digits.
 */
export class CodeKeyIndex<V> {
  readonly #byKey = new MultiMap<V>();
  readonly #keysOf: (value: V) => CodeKeys;

  /** `keysOf` gives back the keys a value was filed under. */
  constructor(keysOf: (value: V) => CodeKeys) {
    this.#keysOf = keysOf;
  }

  add(keys: CodeKeys, value: V): void {
    this.#byKey.add(keys.numeric ?? keys.text, value);
  }

  delete(keys: CodeKeys, value: V): void {
    this.#byKey.delete(keys.numeric ?? keys.text, value);
  }

  find(keys: CodeKeys, options: CodeComparisonOptions): readonly V[] {
    const hits = this.#byKey.get(keys.numeric ?? keys.text);
    if (options.zeroPaddedNumericEqual || keys.numeric === undefined || hits.length === 0) return hits;
    return hits.filter((value) => this.#keysOf(value).text === keys.text);
  }
}
