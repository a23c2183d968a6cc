import { amountFromExact, formatAmount, invoiceTotals } from "@zapfloor-exact/shared/money";
import type { SalesEntry } from "../../exact/schemas";
import type { RecordedError } from "./outbox-store";
import type { ResolvedInvoice } from "./resolve-invoice";

/**
 * What Exact booked against what the invoice says: the entry's `AmountFC` (VAT included) and `VATAmountFC` must be
 * the invoice's total and VAT. Exact computes VAT itself from each line's VAT code, so a code whose percentage or
 * `Type` changed in Exact since the settings were checked books a different amount without any error. [§5]
 */
export function bookedAmountsProblem(
  invoiceNumber: string,
  entry: ResolvedInvoice,
  booked: SalesEntry,
): RecordedError | undefined {
  const expected = invoiceTotals(entry.lines);
  const amount = typeof booked.AmountFC === "number" ? amountFromExact(booked.AmountFC) : undefined;
  const vat = typeof booked.VATAmountFC === "number" ? amountFromExact(booked.VATAmountFC) : undefined;
  if (amount === expected.gross && vat === expected.vat) return undefined;
  const figure = (cents: bigint | undefined) => (cents === undefined ? "nothing" : formatAmount(cents));
  return {
    message:
      `Exact booked ${figure(amount)} including ${figure(vat)} VAT for invoice ${invoiceNumber}, which totals ` +
      `${formatAmount(expected.gross)} including ${formatAmount(expected.vat)} VAT; check the entry's VAT codes in Exact`,
    details: {
      exact: {
        totalInclVat: amount === undefined ? null : formatAmount(amount),
        vat: vat === undefined ? null : formatAmount(vat),
      },
      invoice: { totalInclVat: formatAmount(expected.gross), vat: formatAmount(expected.vat) },
      exactEntryId: booked.EntryID,
      exactEntryNumber: booked.EntryNumber ?? null,
    },
  };
}
