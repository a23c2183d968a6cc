import type { CodeComparisonOptions } from "./codes";
import type { CodeKeys } from "./keys";
import { MultiMap } from "./multimap";

/** Values keyed by a Code-like value, answerable with or without zero-padded numeric equality. */
export class CodeKeyIndex<V> {
  readonly #text = new MultiMap<V>();
  readonly #numeric = new MultiMap<V>();

  add(keys: CodeKeys, value: V): void {
    this.#text.add(keys.text, value);
    this.#numeric.add(keys.numeric, value);
  }

  delete(keys: CodeKeys, value: V): void {
    this.#text.delete(keys.text, value);
    this.#numeric.delete(keys.numeric, value);
  }

  find(keys: CodeKeys, options: CodeComparisonOptions): ReadonlySet<V> {
    return options.zeroPaddedNumericEqual && keys.numeric !== undefined
      ? this.#numeric.get(keys.numeric)
      : this.#text.get(keys.text);
  }
}
