import { lookalikeCustomers } from "@zapfloor-exact/shared/matching";
import type { OverviewRow } from "@zapfloor-exact/shared/schemas/accounts";
import type { DivisionView } from "./division-view";

/** The other Exact customers that look like the same company as this account (duplicates in Exact). */
export function lookalikesOf(view: DivisionView, accountId: string): NonNullable<OverviewRow["lookalikes"]> {
  const { index } = view.accounts;
  const indexed = index.get(accountId);
  if (indexed?.account.status !== "C") return [];
  return lookalikeCustomers(indexed, index).map(({ account, sharedOn }) => ({
    accountId: account.id,
    name: account.account.name,
    code: account.account.code?.trim() || null,
    sharedOn,
  }));
}
