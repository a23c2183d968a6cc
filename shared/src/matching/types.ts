/** A customer as zapfloor sends it. `number` is zapfloor's customer number, e.g. "1042". */
export interface ZapfloorCustomer {
  number: string;
  name: string;
  vatNumber?: string | null;
  companyNumber?: string | null;
  email?: string | null;
  /** ISO 3166-1 alpha-2, e.g. "BE"; helps read a VAT number typed without its country prefix. */
  country?: string | null;
  /** The address's city and postcode: a near-certain name match must also agree on one of them. */
  city?: string | null;
  postcode?: string | null;
}

/** Exact's `Status`: C = customer, P = prospect, S = suspect, A = none (e.g. a supplier only). */
export type ExactAccountStatus = "C" | "P" | "S" | "A";

/** One row of the proxy's mirror of an Exact division's `crm/Accounts`, fields as Exact returns them. */
export interface ExactAccountSnapshot {
  /** Lower-case GUID without braces. */
  id: string;
  /** Raw `Code`, usually left-padded to 18 characters, e.g. "           0000011". */
  code: string | null;
  searchCode: string | null;
  name: string;
  /** Raw `VATNumber`: free text as the bookkeeper typed it. */
  vatNumber: string | null;
  /** Raw `ChamberOfCommerce`: the company number (KvK, KBO/BCE, …) as typed. */
  chamberOfCommerce: string | null;
  status: ExactAccountStatus | null;
  isSupplier: boolean;
  isSales?: boolean;
  blocked: boolean;
  /** ISO 3166-1 alpha-2, possibly space-padded ("NL "). */
  country: string | null;
  city?: string | null;
  postcode?: string | null;
}

/** The current links of one division, unique both ways; back it with a Map or with the database. */
export interface LinkLookup {
  /** The Exact account id linked to this zapfloor customer number. */
  byCustomer(customerNumber: string): string | undefined;
  /** The zapfloor customer number linked to this Exact account id. */
  byAccount(accountId: string): string | undefined;
}

/**
 * `unknown`: the division's accounts are not known well enough to decide (the mirror was never loaded, or
 * is too old and could not be refreshed); never read as "create".
 */
export type MatchOutcome =
  | "linked"
  | "stale"
  | "match"
  | "conflict"
  | "ambiguous"
  | "review"
  | "create"
  | "unknown";

/** Which piece of evidence connects a customer and an account. */
export type MatchSignal = "vat" | "code" | "searchCode" | "companyNumber" | "name";

/** Stable machine codes; the UI translates by code, `message` is plain English for logs and the API. */
export type ReasonCode =
  | "linked"
  | "account_deleted"
  | "not_a_customer"
  | "account_blocked"
  | "code"
  | "searchCode"
  | "vat"
  | "companyNumber"
  | "vat_contradiction"
  | "vat_differs"
  | "already_linked_elsewhere"
  | "number_points_to_several"
  | "vat_shared_by_several"
  | "company_number_only"
  | "customer_vat_invalid"
  | "several_customers_match"
  | "name_suggestions"
  | "similar_name_exists"
  | "mirror_not_loaded"
  | "no_match";

/** What the UI may offer next to a reason; only `promote_and_link` exists today. */
export type SuggestedAction = "promote_and_link";

export interface Reason {
  code: ReasonCode;
  message: string;
  /** The Exact account the reason is about, if any. */
  accountId?: string;
  /** The zapfloor customer the reason is about, if not the one being decided. */
  customerNumber?: string;
  /** On `not_a_customer`: the account can be promoted to customer (Status C) and linked. */
  action?: SuggestedAction;
  /** On `mirror_not_loaded`: when the division's accounts were last loaded completely (ISO 8601), or null. */
  lastLoadedAt?: string | null;
}

export interface Candidate {
  account: ExactAccountSnapshot;
  matchedOn: MatchSignal[];
  /** 0..1; higher is stronger evidence. */
  score: number;
  /** Name similarity 0..1 (accent-, case- and legal-form-insensitive). */
  nameSimilarity: number;
  /** The zapfloor customer number this account is linked to, if any. */
  linkedTo?: string;
  /** Exact Status is C. */
  isCustomer: boolean;
}

export interface Decision {
  outcome: MatchOutcome;
  /** The linked account (linked, stale unless deleted) or the one chosen (match, review of a single account). */
  account?: ExactAccountSnapshot;
  reasons: Reason[];
  /** Ranked best first, at most `maxCandidates`. */
  candidates: Candidate[];
}

export interface MatchOptions {
  /** "0000011" equals "11" when both are all digits (Exact zero-pads codes in some divisions). */
  zeroPaddedNumericEqual: boolean;
  /** Minimum name similarity (0..1) for a name-only suggestion. */
  nameSuggestionThreshold: number;
  maxCandidates: number;
  /**
   * A name this similar (0..1) to an Exact customer's, with the same city or postcode, blocks creating a
   * customer as surely as an equal normalised name does: the outcome is `review`, not `create`.
   */
  similarNameThreshold: number;
  /** False in a division that allows customers with the same name (franchises named per city). */
  similarNameBlocksCreate: boolean;
  /** Set when the division's accounts cannot be trusted: every decision is `unknown`. */
  mirrorNotLoaded?: { lastLoadedAt: string | null };
}

export const defaultMatchOptions: Readonly<MatchOptions> = Object.freeze({
  zeroPaddedNumericEqual: true,
  nameSuggestionThreshold: 0.6,
  maxCandidates: 5,
  similarNameThreshold: 0.9,
  similarNameBlocksCreate: true,
});

export function resolveMatchOptions(options?: Partial<MatchOptions>): MatchOptions {
  return { ...defaultMatchOptions, ...options };
}
