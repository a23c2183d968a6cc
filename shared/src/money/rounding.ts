/**
 * `numerator / denominator` rounded to the nearest integer, halves away from zero (0.5 → 1, −0.5 → −1).
 * Away from zero keeps a credit note the exact mirror of its invoice, which half-even or half-up would not.
 */
export function divideRoundingHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero.");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
