/** A count or figure as BENCHMARKS.md writes it: rounded, with thousands separated. */
export const n = (value: number) => Math.round(value).toLocaleString("en-GB");
/** Milliseconds: one decimal under 10 ms, rounded above. */
export const ms = (value: number) => (value < 10 ? value.toFixed(1) : n(value));
