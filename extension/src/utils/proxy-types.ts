import type { AccountDetail, OverviewRow } from "@zapfloor-exact/shared/schemas/accounts";
import type { Customer } from "@zapfloor-exact/shared/schemas/customers";
import type { LinkView } from "@zapfloor-exact/shared/schemas/links";
import type { SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";

export type { AcceptSuggestionsResult, AccountState } from "@zapfloor-exact/shared/schemas/accounts";
export type { ExactConnectionState } from "@zapfloor-exact/shared/schemas/connection";
export type { ApiReason } from "@zapfloor-exact/shared/schemas/matching";
/** The proxy's answers as the extension's views use them; types only, so no schema code reaches a page. */
export type { AccountDetail, OverviewRow };

export type CustomerWithLink = Customer & { link?: LinkView | null | undefined };
export interface CustomerSearch {
  customers: CustomerWithLink[];
  nextCursor: string | null;
}

export interface OverviewPage {
  accounts: OverviewRow[];
  nextCursor: string | null;
}

export type OverviewFilter = "all" | "linked" | "unlinked" | "suggested" | "conflict";

export interface AccountsQuery {
  division: number;
  state: OverviewFilter;
  q?: string;
  cursor?: string;
  limit: number;
}

export interface FailedPushesPage {
  entries: SalesEntryView[];
  nextCursor: string | null;
}
export type FailedPush = SalesEntryView;

export interface DivisionSummary {
  division: number;
  name: string;
  country: string | null;
  current: boolean;
  sync: { status: string; accounts: number; lastCompletedAt: string | null };
}
