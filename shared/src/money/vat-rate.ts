import { divideRoundingHalfAwayFromZero } from "./rounding";

/** A VAT rate in percent, held as an integer number of ten-thousandths of a percent (21% → 210000n). */
export type VatRate = bigint;

const SCALE = 10_000n;
const ratePattern = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** `"21"` → 21%, `"5.5"` → 5.5%, `"8.875"` → 8.875%; undefined unless a plain decimal from 0 to 100. */
export function parseVatRate(text: string): VatRate | undefined {
  const match = ratePattern.exec(text);
  if (!match) return undefined;
  const [, units = "0", decimals = ""] = match;
  const rate = BigInt(units) * SCALE + BigInt(decimals.padEnd(4, "0"));
  return rate <= 100n * SCALE ? rate : undefined;
}

/** The shortest decimal: 210000n → `"21"`, 55000n → `"5.5"`. Two spellings of one rate format the same. */
export function formatVatRate(rate: VatRate): string {
  const units = rate / SCALE;
  const decimals = (rate % SCALE).toString().padStart(4, "0").replace(/0+$/, "");
  return decimals ? `${units}.${decimals}` : units.toString();
}

/** Exact's VAT code `Percentage` is a fraction (0.21 for 21%, 0.055 for 5.5%). [fixtures nango/extracted/vat-vatcodes.json] */
export function vatRateFromFraction(fraction: number): VatRate {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new RangeError(`Not a VAT fraction: ${fraction}`);
  }
  // Eight decimals show the double's intended value; the rate keeps four decimals of a percent.
  const [units = "0", decimals = ""] = fraction.toFixed(8).split(".");
  const hundredMillionths = BigInt(units) * 100_000_000n + BigInt(decimals);
  return divideRoundingHalfAwayFromZero(hundredMillionths * 100n * SCALE, 100_000_000n);
}

/** The VAT on an amount in cents, rounded to the cent half away from zero. */
export function vatOn(amountCents: bigint, rate: VatRate): bigint {
  return divideRoundingHalfAwayFromZero(amountCents * rate, 100n * SCALE);
}
