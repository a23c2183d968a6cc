import type { AccountDetail, OverviewCounts, OverviewRow } from "@zapfloor-exact/shared/schemas/accounts";
import type { Customer } from "@zapfloor-exact/shared/schemas/customers";
import type { BookingReadiness } from "@zapfloor-exact/shared/schemas/divisions";
import type { LinkView } from "@zapfloor-exact/shared/schemas/links";
import type { SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";

export type {
  AcceptSuggestionsResult,
  AccountState,
  LinkResult,
} from "@zapfloor-exact/shared/schemas/accounts";
export type { ExactConnectionState } from "@zapfloor-exact/shared/schemas/connection";
export type { ApiReason } from "@zapfloor-exact/shared/schemas/matching";
/** The proxy's answers as the extension's views use them; types only, so no schema code reaches a page. */
export type { AccountDetail, OverviewCounts, OverviewRow };

export type CustomerWithLink = Customer & { link?: LinkView | null | undefined };
export interface CustomerSearch {
  customers: CustomerWithLink[];
  nextCursor: string | null;
}

export interface OverviewPage {
  accounts: OverviewRow[];
  nextCursor: string | null;
  /** Null while the proxy is still indexing the division. */
  counts: OverviewCounts | null;
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

export type {
  AccountInvoices as AccountInvoicesView,
  Attention,
  AttentionItem,
} from "@zapfloor-exact/shared/schemas/attention";
export type {
  BookingReadiness,
  MissingForBooking,
  SyncState,
} from "@zapfloor-exact/shared/schemas/divisions";
export type { ReferenceDataView as ReferenceData } from "@zapfloor-exact/shared/schemas/reference-data";
export type { DivisionSettings as BookingSettings } from "@zapfloor-exact/shared/schemas/settings";

/** What the options page saves: every field given. */
export interface BookingSettingsInput {
  salesJournal: string | null;
  creditNoteJournal: string | null;
  glMapping: Record<string, string>;
  vatMapping: { rates: Record<string, string>; international: string | null };
  autoCreate: boolean;
  autoPush: boolean;
  nonCustomerMatch: "review" | "promote";
  similarNameMatch: "review" | "create";
}

export interface DivisionSummary {
  division: number;
  name: string;
  country: string | null;
  current: boolean;
  sync: {
    status: string;
    accounts: number;
    lastCompletedAt: string | null;
    lastFullAt?: string | null;
    runningKind?: string | null;
    progressRows?: number;
    lastError?: string | null;
  };
  bookings?: BookingReadiness;
}

import type { ApiValidationProblem as SharedValidationProblem } from "@zapfloor-exact/shared/schemas/error";
/** A problem as the proxy names it; `code` may be one this extension does not know yet. */
export type ApiValidationProblem = Omit<SharedValidationProblem, "code"> & { code?: string | undefined };
