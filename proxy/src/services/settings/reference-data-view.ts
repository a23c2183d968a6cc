import { formatVatRate, vatRateFromFraction } from "@zapfloor-exact/shared/money";
import type { ReferenceDataView } from "@zapfloor-exact/shared/schemas/reference-data";
import type { ReferenceData } from "./reference-data";

/**
 * Journal `Type` 20 is a sales journal and 21 its returns counterpart; a journal without a type is given the
 * benefit of the doubt. The type numbers come from client-library models, not from Exact's reference: UNCONFIRMED.
 */
export const SALES_JOURNAL_TYPES = new Set([20, 21]);

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code.localeCompare(b.code, "en", { numeric: true });

export function referenceDataView(division: number, data: ReferenceData): ReferenceDataView {
  const fetched = Object.values(data.fetchedAt);
  return {
    division,
    salesJournals: (data.journals ?? [])
      .filter((row) => row.type === null || SALES_JOURNAL_TYPES.has(row.type))
      .map(({ code, description }) => ({ code, description }))
      .sort(byCode),
    revenueGlAccounts: (data.glAccounts ?? [])
      .filter((row) => row.balanceType === null || row.balanceType === "W")
      .map(({ code, description }) => ({ code, description }))
      .sort(byCode),
    salesVatCodes: (data.vatCodes ?? [])
      .filter((row) => !row.blocked && row.use !== "P")
      .map((row) => ({
        code: row.code.trim(),
        description: row.description,
        percentage: row.percentage === null ? null : formatVatRate(vatRateFromFraction(row.percentage)),
        type: row.type ?? null,
      }))
      .sort(byCode),
    fetchedAt: fetched.length ? new Date(Math.min(...fetched)).toISOString() : null,
  };
}
