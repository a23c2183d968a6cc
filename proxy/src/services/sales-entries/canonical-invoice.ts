import { createHash } from "node:crypto";
import { formatAmount, formatVatRate, parseAmount, parseVatRate } from "@zapfloor-exact/shared/money";
import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";

/** The invoice with amounts and rates in one spelling each (`"12.5"` → `"12.50"`, `"21.0"` → `"21"`), nulls dropped. */
export function canonicalInvoice(invoice: Invoice): Invoice {
  return dropEmpty({
    ...invoice,
    totalInclVat: formatAmount(parseAmount(invoice.totalInclVat)!),
    lines: invoice.lines.map((line) => ({
      ...line,
      amount: formatAmount(parseAmount(line.amount)!),
      ...(line.vatRate === undefined ? {} : { vatRate: formatVatRate(parseVatRate(line.vatRate)!) }),
    })),
  }) as Invoice;
}

/** Two submissions are the same when their canonical invoices serialise to the same JSON with sorted keys. */
export function invoiceHash(invoice: Invoice): string {
  return createHash("sha256").update(sortedJson(invoice)).digest("hex");
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${sortedJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined && item !== null)
        .map(([key, item]) => [key, dropEmpty(item)]),
    );
  }
  return value;
}
