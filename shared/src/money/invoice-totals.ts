import { type Cents, sumAmounts } from "./amount";
import { type VatRate, vatOn } from "./vat-rate";

export interface PricedLine {
  /** Excluding VAT. */
  amount: Cents;
  rate: VatRate;
}

export interface InvoiceTotals {
  net: Cents;
  vat: Cents;
  gross: Cents;
  /** VAT of each line, in the order given. */
  lineVat: Cents[];
}

/**
 * VAT is computed per line and rounded per line (half away from zero), as Exact computes a sales entry line's
 * VAT when none is given; the totals are the sums of the rounded lines, so they match what Exact books.
 */
export function invoiceTotals(lines: readonly PricedLine[]): InvoiceTotals {
  const lineVat = lines.map((line) => vatOn(line.amount, line.rate));
  const net = sumAmounts(lines.map((line) => line.amount));
  const vat = sumAmounts(lineVat);
  return { net, vat, gross: net + vat, lineVat };
}
