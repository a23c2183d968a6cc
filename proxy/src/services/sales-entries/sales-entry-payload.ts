import { amountForExact } from "@zapfloor-exact/shared/money";
import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { NewSalesEntry } from "../../exact/resources/sales-entries";
import type { ResolvedInvoice } from "./resolve-invoice";

const typeNames = { invoice: "Invoice", credit_note: "Credit note" } as const;

/**
 * The sales entry as Exact takes it: journal by code, lines inline, `YourRef` = the invoice number (how a retry
 * finds it again), amounts excluding VAT and negative on a credit note (Type 21). [§5]
 */
export function salesEntryPayload(
  invoiceNumber: string,
  invoice: Invoice,
  entry: ResolvedInvoice,
  customerAccountId: string,
): NewSalesEntry {
  return {
    Journal: entry.journal,
    Customer: customerAccountId,
    Type: entry.type,
    YourRef: invoiceNumber,
    EntryDate: invoice.date,
    ...(invoice.dueDate ? { DueDate: invoice.dueDate } : {}),
    Description: invoice.description || `${typeNames[invoice.type]} ${invoiceNumber}`,
    Currency: invoice.currency,
    SalesEntryLines: entry.lines.map((line) => ({
      GLAccount: line.glAccount.id,
      AmountFC: amountForExact(line.amount),
      VATCode: line.vatCode,
      Description: line.description,
    })),
  };
}
