import { decideForIndexedCustomer } from "./decide";
import { EvidenceCollector, evidenceScore, orderedSignals } from "./evidence";
import { type IndexedAccount, type IndexedCustomer, indexAccount, normaliseAccountId } from "./keys";
import type { AccountLookup, CustomerHits, CustomerLookup } from "./lookup";
import { mayReachSimilarity, normalisedSimilarity } from "./names";
import { accountProblems, reasons } from "./reasons";
import {
  type Decision,
  type ExactAccountSnapshot,
  type LinkLookup,
  type MatchOptions,
  type MatchOutcome,
  type MatchSignal,
  type Reason,
  resolveMatchOptions,
  type ZapfloorCustomer,
} from "./types";

/**
 * From the account's side: `linked`; `match` when exactly one customer's own decision picks this account;
 * `review` when a customer's decision involves it but needs a person; `none` otherwise.
 */
export type SuggestionOutcome = "linked" | "match" | "review" | "none";

export interface CustomerCandidate {
  customer: ZapfloorCustomer;
  matchedOn: MatchSignal[];
  score: number;
  nameSimilarity: number;
  /** The Exact account id this customer is linked to, if any. */
  linkedTo?: string;
  /** What matching this customer from its own side decides; set for customers found by an identifier. */
  decision?: MatchOutcome;
}

export interface AccountSuggestion {
  outcome: SuggestionOutcome;
  /** The linked or suggested customer's number. */
  customerNumber?: string;
  /** That customer, when it is in the customer index. */
  customer?: ZapfloorCustomer;
  reasons: Reason[];
  /** Ranked best first, at most `maxCandidates`. */
  candidates: CustomerCandidate[];
}

/** At most this many customers found by an identifier have their own decision evaluated. */
const MAX_DECISIONS = 20;

/**
 * For one Exact account (the overview and the account panel): which zapfloor customer belongs to it?
 * A suggestion agrees with `decideMatch` run from the customer's side, so accepting it links the same pair.
 * The account should be in `accounts`; if it is not, no customer's decision can pick it.
 */
export function suggestForAccount(
  account: ExactAccountSnapshot,
  customers: CustomerLookup,
  accounts: AccountLookup,
  links: LinkLookup,
  options?: Partial<MatchOptions>,
): AccountSuggestion {
  const resolved = resolveMatchOptions(options);
  const indexed = accounts.get(account.id) ?? indexAccount(account);
  const ranked = rankCustomers(indexed, customers.findForAccount(indexed, resolved), resolved);
  const linkedNumber = links.byAccount(indexed.id);
  const decisions = new Map<IndexedCustomer, Decision>();
  if (linkedNumber === undefined) {
    for (const { customer } of ranked
      .filter((entry) => hasIdentifier(entry.signals))
      .slice(0, MAX_DECISIONS)) {
      decisions.set(customer, decideForIndexedCustomer(customer, accounts, links, resolved));
    }
  }
  const candidates = ranked
    .slice(0, resolved.maxCandidates)
    .map((entry) => toCandidate(entry, links, decisions.get(entry.customer)));

  if (linkedNumber !== undefined) {
    const suggestion: AccountSuggestion = {
      outcome: "linked",
      customerNumber: linkedNumber,
      reasons: [reasons.linkedToCustomer(indexed, linkedNumber), ...accountProblems(indexed, false)],
      candidates,
    };
    const linkedCustomer = customers.get(linkedNumber);
    if (linkedCustomer) suggestion.customer = linkedCustomer.customer;
    return suggestion;
  }

  const picking = [...decisions].filter(
    ([, decision]) => decision.outcome === "match" && picks(decision, indexed),
  );
  if (picking.length === 1) return suggestion("match", picking[0]!, candidates);
  if (picking.length > 1) {
    const numbers = picking.map(([customer]) => customer.number);
    return { outcome: "review", reasons: [reasons.severalCustomersMatch(indexed, numbers)], candidates };
  }
  const involving = [...decisions].find(
    ([, decision]) => needsPerson(decision.outcome) && involves(decision, indexed),
  );
  if (involving) return suggestion("review", involving, candidates);

  const nameOnly = ranked.filter((entry) => entry.signals.size === 1 && entry.signals.has("name")).length;
  const found: Reason[] = [reasons.noCustomerMatches(indexed)];
  if (nameOnly > 0) found.push(reasons.nameSuggestions(nameOnly, "zapfloor customer"));
  return { outcome: "none", reasons: found, candidates };
}

interface RankedCustomer {
  customer: IndexedCustomer;
  signals: ReadonlySet<MatchSignal>;
  score: number;
  nameSimilarity: number;
}

/** The customers connected to the account, with what connects them, strongest first. */
function rankCustomers(indexed: IndexedAccount, hits: CustomerHits, options: MatchOptions): RankedCustomer[] {
  const evidence = new EvidenceCollector<IndexedCustomer>();
  evidence.add(hits.byCode, "code");
  evidence.add(hits.bySearchCode, "searchCode");
  evidence.add(hits.byVat, "vat");
  for (const customer of hits.byCompanyNumber) {
    const signals = evidence.signalsOf(customer);
    // As in `decideMatch`: a company number read from the customer's VAT number adds nothing to the VAT.
    if (!(customer.companyNumberIsFromVat && signals.has("vat"))) signals.add("companyNumber");
  }
  const threshold = options.nameSuggestionThreshold;
  for (const customer of hits.byName) {
    if (mayReachSimilarity(indexed.normalisedName, customer.normalisedName, threshold))
      evidence.include(customer);
  }
  const ranked: RankedCustomer[] = [];
  for (const [customer, signals] of evidence.entries()) {
    const nameSimilarity = normalisedSimilarity(indexed.normalisedName, customer.normalisedName);
    if (nameSimilarity >= threshold) signals.add("name");
    if (signals.size > 0)
      ranked.push({ customer, signals, score: evidenceScore(signals, nameSimilarity), nameSimilarity });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.customer.number < b.customer.number ? -1 : 1));
}

function toCandidate(
  entry: RankedCustomer,
  links: LinkLookup,
  decision: Decision | undefined,
): CustomerCandidate {
  const candidate: CustomerCandidate = {
    customer: entry.customer.customer,
    matchedOn: orderedSignals(entry.signals),
    score: entry.score,
    nameSimilarity: Math.round(entry.nameSimilarity * 1000) / 1000,
  };
  const linkedTo = links.byCustomer(entry.customer.number);
  if (linkedTo !== undefined) candidate.linkedTo = linkedTo;
  if (decision) candidate.decision = decision.outcome;
  return candidate;
}

function suggestion(
  outcome: SuggestionOutcome,
  [customer, decision]: [IndexedCustomer, Decision],
  candidates: CustomerCandidate[],
): AccountSuggestion {
  return {
    outcome,
    customerNumber: customer.number,
    customer: customer.customer,
    reasons: decision.reasons,
    candidates,
  };
}

function hasIdentifier(signals: ReadonlySet<MatchSignal>): boolean {
  return signals.size > (signals.has("name") ? 1 : 0);
}

function needsPerson(outcome: MatchOutcome): boolean {
  return outcome === "review" || outcome === "conflict" || outcome === "ambiguous";
}

function picks(decision: Decision, indexed: IndexedAccount): boolean {
  return decision.account !== undefined && normaliseAccountId(decision.account.id) === indexed.id;
}

function involves(decision: Decision, indexed: IndexedAccount): boolean {
  return (
    picks(decision, indexed) ||
    decision.reasons.some((reason) => reason.accountId === indexed.id) ||
    decision.candidates.some((candidate) => normaliseAccountId(candidate.account.id) === indexed.id)
  );
}
