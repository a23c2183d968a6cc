import type { NameProfile } from "./names";

export interface NamePoolOptions {
  /** A word found in more names than this says little ("consulting", "de") and is not used to find suggestions. */
  maxTokenFrequency: number;
  /** At most this many records are scored by name similarity per lookup. */
  poolSize: number;
}

export const defaultNamePoolOptions: Readonly<NamePoolOptions> = Object.freeze({
  maxTokenFrequency: 250,
  poolSize: 20,
});

/** A record that shares words with the name being looked up. */
export interface NameHit<T> {
  item: T;
  sharedTokens: number;
  exactName: boolean;
}

/** The distinct words of a name that can find suggestions (single letters cannot). */
export function searchableTokens(name: NameProfile): string[] {
  return [...new Set(name.tokens)].filter((token) => token.length >= 2);
}

/**
 * The records worth scoring by name: identical normalised names first, then those sharing the most
 * words; ties in key order so the pool does not depend on insertion order.
 */
export function pickNamePool<T>(
  hits: Iterable<NameHit<T>>,
  keyOf: (item: T) => string,
  poolSize: number,
): T[] {
  const ranked = [...hits].sort(
    (a, b) =>
      Number(b.exactName) - Number(a.exactName) ||
      b.sharedTokens - a.sharedTokens ||
      compareText(keyOf(a.item), keyOf(b.item)),
  );
  return ranked.slice(0, poolSize).map((hit) => hit.item);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
