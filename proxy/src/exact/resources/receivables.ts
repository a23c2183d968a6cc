import type { DivisionApi } from "../client";
import { chunkedOrFilters, guid } from "../odata";
import { type CashflowReceivable, cashflowReceivable } from "../schemas";

/**
 * Every receivable, paid or open, of these sales entries (`TransactionEntryID` is a sales entry's EntryID), a few
 * dozen entries per call. Unlike `read/financial/ReceivablesList`, which lists only what is still owed, this
 * answers with positive evidence: a paid receivable says `IsFullyPaid`, and an entry that was deleted or reversed
 * has no receivable at all. [picqer `Receivable.php`, mirroring Exact's CashflowReceivables page]
 */
export async function receivablesOfEntries(
  api: DivisionApi,
  entryIds: readonly string[],
): Promise<CashflowReceivable[]> {
  const found: CashflowReceivable[] = [];
  // The rest of the URL stays well under Exact's 6000 characters. [§2]
  for (const filter of chunkedOrFilters("TransactionEntryID", entryIds, 4500, guid)) {
    found.push(
      ...(await api.list(
        "cashflow/Receivables",
        { select: ["TransactionEntryID", "IsFullyPaid", "AmountFC", "Status"], filter },
        cashflowReceivable,
      )),
    );
  }
  return found;
}
