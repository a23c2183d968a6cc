import { describe, expect, it } from "vitest";
import { formatAmount, parseAmount } from "./amount";
import { invoiceTotals } from "./invoice-totals";
import { parseVatRate } from "./vat-rate";

const line = (amount: string, rate: string) => ({ amount: parseAmount(amount)!, rate: parseVatRate(rate)! });
const shown = (totals: ReturnType<typeof invoiceTotals>) => ({
  net: formatAmount(totals.net),
  vat: formatAmount(totals.vat),
  gross: formatAmount(totals.gross),
});

describe("invoiceTotals", () => {
  it("adds a desk and a meeting room at two rates", () => {
    expect(shown(invoiceTotals([line("450.00", "21"), line("35.50", "6")]))).toEqual({
      net: "485.50",
      vat: "96.63",
      gross: "582.13",
    });
  });

  it("rounds VAT per line, not over the total (two lines of 0.50 at 21%)", () => {
    const totals = invoiceTotals([line("0.50", "21"), line("0.50", "21")]);
    // Per line 0.105 → 0.11 twice = 0.22; over the total 0.21.
    expect(formatAmount(totals.vat)).toBe("0.22");
  });

  it("makes a credit note the exact mirror of its invoice", () => {
    const invoice = invoiceTotals([line("0.50", "21"), line("12.25", "6")]);
    const credit = invoiceTotals([line("-0.50", "21"), line("-12.25", "6")]);
    expect(credit.gross).toBe(-invoice.gross);
    expect(credit.lineVat).toEqual(invoice.lineVat.map((vat) => -vat));
  });

  it("handles a discount line inside an invoice", () => {
    expect(shown(invoiceTotals([line("100.00", "21"), line("-10.00", "21")])).gross).toBe("108.90");
  });
});
