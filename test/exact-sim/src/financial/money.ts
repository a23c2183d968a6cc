/** Amounts are computed in whole cents so that 0.1 + 0.2 stays 0.30. */
export function toCents(amount: number): number {
  return Math.round(Number((amount * 100).toFixed(4)));
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** VAT on a base amount, rounded half away from zero to the cent. */
export function vatCents(baseCents: number, percentage: number): number {
  const raw = Number(Math.abs(baseCents * percentage).toFixed(6));
  return Math.sign(baseCents) * Math.round(raw);
}
