const MAX_VALUES = 100_000;
const values = new Map<string, string>();

/**
 * One copy of a short value that many kept rows carry (a country, a city, a link's method): each row read from
 * the database brings its own string, and an in-memory index keeps one row per account or customer. Past
 * `MAX_VALUES` distinct values, the set starts again.
 */
export function oneCopy<T extends string | null>(value: T): T {
  if (value === null || value.length > 40) return value;
  const known = values.get(value);
  if (known !== undefined) return known as T;
  if (values.size >= MAX_VALUES) values.clear();
  values.set(value, value);
  return value;
}
