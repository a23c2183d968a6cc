import { formatVatRate, vatRateFromFraction } from "@zapfloor-exact/shared/money";
import type { ReferenceDataView } from "@zapfloor-exact/shared/schemas/reference-data";
import type { ValidationProblem } from "../../errors";
import type { GlAccountRef, ReferenceData } from "./reference-data";

/**
 * Journal `Type` 20 is a sales journal and 21 its returns counterpart; a journal without a type is given the
 * benefit of the doubt. The type numbers come from client-library models, not from Exact's reference: UNCONFIRMED.
 */
export const SALES_JOURNAL_TYPES = new Set([20, 21]);

/**
 * Exact's G/L account types that hold income: 110 revenue, 140 exceptional income, 160 interest income (the
 * `Type` list of Exact's GLAccounts reference). Costs are profit-and-loss accounts too, but not revenue.
 */
export const REVENUE_GL_TYPES = new Set([110, 140, 160]);

/** A list cached before the type was read only knows the balance type: its profit-and-loss accounts are offered. */
export const isRevenueAccount = (row: GlAccountRef) =>
  row.type === undefined || row.type === null
    ? row.balanceType === null || row.balanceType === "W"
    : REVENUE_GL_TYPES.has(row.type);

/** Why sales lines cannot be booked on the account, if they cannot. */
export function notRevenueProblem(
  account: GlAccountRef,
): Required<Omit<ValidationProblem, "path">> | undefined {
  // Sales lines on a balance-sheet account: "Ongeldig: Grootboekrekeningtype". [§5, I-picqer-121]
  if (account.balanceType !== null && account.balanceType !== "W") {
    return {
      code: "gl_balance_sheet",
      params: { code: account.code },
      message: `GL account ${account.code} is a balance-sheet account; revenue needs a profit-and-loss account`,
    };
  }
  if (!isRevenueAccount(account)) {
    return {
      code: "gl_not_revenue",
      params: { code: account.code, description: account.description ?? "" },
      message: `GL account ${account.code} (${account.description ?? "no description"}) is a cost account, not a revenue account`,
    };
  }
  return undefined;
}

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
      .filter(isRevenueAccount)
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
