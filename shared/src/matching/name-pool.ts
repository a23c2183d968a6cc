import { normalisedSimilarity } from "./names";

export interface NamePoolOptions {
  /** A word found in more names than this says little ("consulting", "de") and is not used to find suggestions. */
  maxTokenFrequency: number;
  /** At most this many records are scored by name per lookup (a cap for names made only of common words). */
  poolSize: number;
}

export const defaultNamePoolOptions: Readonly<NamePoolOptions> = Object.freeze({
  maxTokenFrequency: 250,
  poolSize: 200,
});

export interface NamePoolAccess<T> {
  /** A stable key that breaks ties between equally similar records. */
  keyOf(item: T): string;
  /** The record's name, normalised by `normaliseName`. */
  nameOf(item: T): string;
}

/**
 * The records worth scoring by name, in no particular order: all of them if they fit in `poolSize`, else
 * the most similar to `name`, ties broken by key so that the pool never depends on the order records
 * were indexed in — plus every record spelled exactly like `name`, however many there are.
 */
export function pickNamePool<T>(
  found: readonly T[],
  name: string,
  access: NamePoolAccess<T>,
  poolSize: number,
): readonly T[] {
  if (found.length <= poolSize) return found;
  return (
    found
      .map((item) => ({
        item,
        similarity: normalisedSimilarity(name, access.nameOf(item)),
        twin: access.nameOf(item) === name,
        key: access.keyOf(item),
      }))
      // A name spelled the same comes before one that is merely as alike (the same words in another order):
      // a twin must never be crowded out, for it is what blocks creating a duplicate.
      .sort(
        (a, b) =>
          b.similarity - a.similarity ||
          Number(b.twin) - Number(a.twin) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      )
      .filter((entry, rank) => rank < poolSize || entry.twin)
      .map((entry) => entry.item)
  );
}
