/**
 * A figure for the summary at the top of BENCHMARKS.md: an HTML comment in a section, which
 * `scripts/bench.mjs` collects and sets beside its target and its earlier value.
 */
export function figure(key: string, value: string): string {
  return `<!-- figure ${key}: ${value} -->`;
}
