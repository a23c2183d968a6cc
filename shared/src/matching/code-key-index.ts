import { type CodeComparisonOptions, isAllDigits, significantDigits } from "./codes";
import { MultiMap } from "./multimap";

/**
 * Values keyed by a Code-like value (already trimmed and upper-cased). All-digit values are filed under
 * their integer, so one map answers both comparisons: without zero-padded numeric equality the hits are
 * narrowed to the same digits.
 */
export class CodeKeyIndex<V extends object> {
  readonly #byKey = new MultiMap<V, string | number>();
  readonly #codeOf: (value: V) => string | undefined;

  /** `codeOf` gives back the code a value was filed under. */
  constructor(codeOf: (value: V) => string | undefined) {
    this.#codeOf = codeOf;
  }

  add(code: string | undefined, value: V): void {
    this.#byKey.add(filingKey(code), value);
  }

  delete(code: string | undefined, value: V): void {
    this.#byKey.delete(filingKey(code), value);
  }

  find(code: string | undefined, options: CodeComparisonOptions): readonly V[] {
    const hits = this.#byKey.get(filingKey(code));
    if (options.zeroPaddedNumericEqual || code === undefined || !isAllDigits(code)) return hits;
    return hits.filter((value) => this.#codeOf(value) === code);
  }
}

/**
 * Where a code is filed: an all-digit code under its integer, as a number while it has at most nine
 * significant digits (a Map hashes a small integer without reading a string, which makes a division's
 * Codes quicker to file) and as its digits beyond; any other code under itself.
 */
function filingKey(code: string | undefined): string | number | undefined {
  if (code === undefined || !isAllDigits(code)) return code;
  if (code.length <= 9) return Number(code);
  const digits = significantDigits(code)!;
  return digits.length <= 9 ? Number(digits) : digits;
}
