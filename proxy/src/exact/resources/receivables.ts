import type { DivisionApi } from "../client";
import { chunkedOrFilters } from "../odata";
import { type Receivable, receivable } from "../schemas";

/**
 * The outstanding items among these `YourRef`s. Exact's receivables list shows only what is still owed: an entry
 * that is paid in full is no longer in it.
 */
export async function receivablesWithYourRefs(
  api: DivisionApi,
  yourRefs: readonly string[],
): Promise<Receivable[]> {
  const found: Receivable[] = [];
  for (const filter of chunkedOrFilters("YourRef", yourRefs)) {
    found.push(
      ...(await api.list(
        "read/financial/ReceivablesList",
        { select: ["EntryNumber", "YourRef", "Amount", "AccountId"], filter },
        receivable,
      )),
    );
  }
  return found;
}
