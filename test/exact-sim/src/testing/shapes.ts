/** A value's JSON kind, with Exact's `/Date(ms)/` strings and `__deferred` links told apart. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return /^\/Date\(-?\d+\)\/$/.test(value) ? "date" : "string";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "__deferred" in value ? "deferred" : "object";
  return typeof value;
}

/**
 * Differences between two rows' shapes: missing or extra keys, and kinds that differ where neither side is null
 * (a recorded null says nothing about the type).
 */
export function shapeDifferences(
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(expected)) if (!(key in actual)) problems.push(`missing ${key}`);
  for (const key of Object.keys(actual)) if (!(key in expected)) problems.push(`extra ${key}`);
  for (const key of Object.keys(expected)) {
    if (!(key in actual) || key === "__metadata") continue;
    const a = kindOf(actual[key]);
    const e = kindOf(expected[key]);
    if (a !== "null" && e !== "null" && a !== e) problems.push(`${key}: ${a} instead of ${e}`);
  }
  return problems;
}

/** Replaces the recorded origin in every `uri` with another, so bodies can be compared by value. */
export function withOrigin<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}
