import type { DivisionApi } from "../client";
import { chunkedOrFilters } from "../odata";
import { type SalesEntry, salesEntry } from "../schemas";

const salesEntryFields = ["EntryID", "EntryNumber", "YourRef", "Journal", "Customer", "AmountFC", "Type"];

/** Exact's `Type` of a sales entry. [§5, S5 SalesEntry.php] */
export const SALES_ENTRY_TYPE = { invoice: 20, credit_note: 21 } as const;

export interface NewSalesEntryLine {
  GLAccount: string;
  /** Excluding VAT; negative on a credit note. */
  AmountFC: number;
  VATCode: string;
  Description: string;
}

export interface NewSalesEntry {
  Journal: string;
  Customer: string;
  Type: 20 | 21;
  YourRef: string;
  EntryDate: string;
  DueDate?: string;
  Description?: string;
  Currency: string;
  SalesEntryLines: NewSalesEntryLine[];
}

/**
 * Existing entries with any of these `YourRef`s, in as few calls as Exact's URL limit allows. Sales entries have
 * no idempotency key: looking up `YourRef` before posting is how a retry avoids booking twice. [§5, S7 api/invoices.py]
 */
export async function salesEntriesWithYourRefs(
  api: DivisionApi,
  yourRefs: readonly string[],
): Promise<SalesEntry[]> {
  const found: SalesEntry[] = [];
  for (const filter of chunkedOrFilters("YourRef", yourRefs)) {
    found.push(
      ...(await api.list("salesentry/SalesEntries", { select: salesEntryFields, filter }, salesEntry)),
    );
  }
  return found;
}

/** Posts the entry with its lines inline. Never retried by the client when unanswered. [§5] */
export function createSalesEntry(api: DivisionApi, entry: NewSalesEntry) {
  return api.create("salesentry/SalesEntries", entry, salesEntry);
}
