import { divideRoundingHalfAwayFromZero } from "./rounding";

/** An amount of money in cents. Amounts arrive and leave as decimal strings and are never floats in between. */
export type Cents = bigint;

/** Up to 13 integer digits (far beyond any invoice) and at most two decimals; an optional minus sign. */
const amountPattern = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** `"12.3"` → 1230n, `"-0.05"` → −5n; undefined for anything else (`"1e3"`, `"12,30"`, `"1.234"`, `" 1"`). */
export function parseAmount(text: string): Cents | undefined {
  const match = amountPattern.exec(text);
  if (!match) return undefined;
  const [, minus, units = "0", decimals = ""] = match;
  const cents = BigInt(units) * 100n + BigInt(decimals.padEnd(2, "0"));
  return minus ? -cents : cents;
}

/** 1230n → `"12.30"`, −5n → `"-0.05"`: always two decimals. */
export function formatAmount(cents: Cents): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function sumAmounts(amounts: readonly Cents[]): Cents {
  return amounts.reduce((total, amount) => total + amount, 0n);
}

/**
 * Exact takes amounts as JSON numbers. Parsing the two-decimal string once gives the double nearest to it, and
 * JSON prints that double back as the same decimal, so no arithmetic ever happens on the float.
 */
export function amountForExact(cents: Cents): number {
  return Number(formatAmount(cents));
}

/** An amount Exact sent as a JSON number, back to cents (rounded half away from zero, never truncated). */
export function amountFromExact(value: number): Cents {
  if (!Number.isFinite(value)) throw new RangeError(`Not an amount: ${value}`);
  // Six decimals show the double's intended value (0.285 is stored as 0.28499999…) before rounding to cents.
  const fixed = value.toFixed(6);
  const negative = fixed.startsWith("-");
  const [units = "0", decimals = ""] = (negative ? fixed.slice(1) : fixed).split(".");
  const micros = BigInt(units) * 1_000_000n + BigInt(decimals);
  const cents = divideRoundingHalfAwayFromZero(micros, 10_000n);
  return negative ? -cents : cents;
}
