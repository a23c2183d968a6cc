import type { OverviewCounts } from "@zapfloor-exact/shared/schemas/accounts";
import type { DivisionView, ListedAccount } from "./division-view";
import { stateOf } from "./overview-row";

/** How many listed accounts are in each state: one pass over the listing, whose suggestions the view then keeps. */
export function countStates(view: DivisionView, listing: readonly ListedAccount[]): OverviewCounts {
  const counts: OverviewCounts = { all: listing.length, linked: 0, unlinked: 0, suggested: 0, conflict: 0 };
  for (const { account } of listing) counts[stateOf(view, account)]++;
  return counts;
}
