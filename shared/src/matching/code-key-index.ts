import type { CodeComparisonOptions } from "./codes";
import type { CodeKeys } from "./keys";
import { MultiMap } from "./multimap";

/**
 * Values keyed by a Code-like value. All-digit values are filed under their integer, so one map answers
 * both comparisons: without zero-padded numeric equality the hits are narrowed to the same digits.
 */
export class CodeKeyIndex<V> {
  readonly #byKey = new MultiMap<V, string | number>();
  readonly #keysOf: (value: V) => CodeKeys;

  /** `keysOf` gives back the keys a value was filed under. */
  constructor(keysOf: (value: V) => CodeKeys) {
    this.#keysOf = keysOf;
  }

  add(keys: CodeKeys, value: V): void {
    this.#byKey.add(mapKey(keys), value);
  }

  delete(keys: CodeKeys, value: V): void {
    this.#byKey.delete(mapKey(keys), value);
  }

  find(keys: CodeKeys, options: CodeComparisonOptions): readonly V[] {
    const hits = this.#byKey.get(mapKey(keys));
    if (options.zeroPaddedNumericEqual || keys.numeric === undefined || hits.length === 0) return hits;
    return hits.filter((value) => this.#keysOf(value).text === keys.text);
  }
}

/**
 * Where a value is filed: an all-digit value of up to nine digits under its integer as a number (a Map
 * hashes a small integer without reading a string, which makes a division's Codes quicker to file),
 * any other under its text. Nine digits always fit a small integer; longer ones stay text.
 */
function mapKey(keys: CodeKeys): string | number | undefined {
  const numeric = keys.numeric;
  return numeric !== undefined && numeric.length <= 9 ? Number(numeric) : (numeric ?? keys.text);
}
