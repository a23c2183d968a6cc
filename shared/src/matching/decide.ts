import { EvidenceCollector, evidenceScore, orderedSignals } from "./evidence";
import { type IndexedAccount, type IndexedCustomer, indexCustomer, normaliseAccountId } from "./keys";
import type { AccountHits, AccountLookup } from "./lookup";
import { mayReachSimilarity, normalisedSimilarity } from "./names";
import { samePlace } from "./place";
import { accountProblems, basisReasons, reasons } from "./reasons";
import {
  type Candidate,
  type Decision,
  type LinkLookup,
  type MatchOptions,
  type MatchOutcome,
  type MatchSignal,
  type Reason,
  resolveMatchOptions,
  type ZapfloorCustomer,
} from "./types";

/**
 * The matching decision table (design.md, "Matching decision table") for one zapfloor customer against
 * one division's accounts and current links. Pure; names only ever suggest.
 */
export function decideMatch(
  customer: ZapfloorCustomer,
  accounts: AccountLookup,
  links: LinkLookup,
  options?: Partial<MatchOptions>,
): Decision {
  return decideForIndexedCustomer(indexCustomer(customer), accounts, links, resolveMatchOptions(options));
}

/** `decideMatch` for a customer whose keys are already computed (e.g. taken from a `CustomerIndex`). */
export function decideForIndexedCustomer(
  customer: IndexedCustomer,
  accounts: AccountLookup,
  links: LinkLookup,
  options: MatchOptions,
): Decision {
  if (options.mirrorNotLoaded) {
    return {
      outcome: "unknown",
      reasons: [reasons.mirrorNotLoaded(options.mirrorNotLoaded.lastLoadedAt)],
      candidates: [],
    };
  }
  const hits = inIdOrder(accounts.findForCustomer(customer, options));
  const context = new DecisionContext(customer, hits, accounts, links, options);
  const decision = decideOutcome(context);
  const vatNote = customerVatNote(customer);
  if (vatNote) decision.reasons.push(vatNote);
  return decision;
}

/** Everything one decision looks at: the customer, the accounts that share something with it, the links. */
class DecisionContext {
  readonly evidence = new EvidenceCollector<IndexedAccount>();
  readonly numberHits: IndexedAccount[];
  readonly #similarity = new Map<IndexedAccount, number>();
  #lookalikesAdded = false;

  constructor(
    readonly customer: IndexedCustomer,
    readonly hits: AccountHits,
    readonly accounts: AccountLookup,
    readonly links: LinkLookup,
    readonly options: MatchOptions,
  ) {
    this.evidence.add(hits.byCode, "code");
    this.evidence.add(hits.bySearchCode, "searchCode");
    this.evidence.add(hits.byVat, "vat");
    for (const account of hits.byCompanyNumber) {
      const signals = this.evidence.signalsOf(account);
      // A company number read from the customer's own VAT number adds nothing once the VAT matched.
      if (!(customer.companyNumberIsFromVat && signals.has("vat"))) signals.add("companyNumber");
    }
    for (const [account] of this.evidence.entries()) this.#noteName(account);
    this.numberHits = [...new Set([...hits.byCode, ...hits.bySearchCode])];
  }

  /**
   * Adds accounts whose names resemble the customer's. Only outcomes that need a person list them:
   * a link or a match is settled by identifiers, and skipping the search keeps bulk matching cheap.
   */
  addNameLookalikes(): void {
    if (this.#lookalikesAdded) return;
    this.#lookalikesAdded = true;
    for (const account of this.accounts.findNameLookalikes(this.customer.normalisedName))
      this.#noteName(account);
  }

  /** How many accounts are connected by their name alone. */
  nameOnlyCount(): number {
    let count = 0;
    for (const [, signals] of this.evidence.entries()) if (signals.size === 1 && signals.has("name")) count++;
    return count;
  }

  /**
   * Exact customers whose name is this customer's once normalised, or nearly so in the same city or
   * postcode: creating another would most likely duplicate one of them. Best first.
   */
  nearCertainNameMatches(): IndexedAccount[] {
    const found: IndexedAccount[] = [];
    const name = this.customer.normalisedName;
    for (const [account, signals] of this.evidence.entries()) {
      if (!signals.has("name") || account.account.status !== "C" || name === "") continue;
      const similarity = this.similarity(account);
      if (
        account.normalisedName === name ||
        similarity === 1 ||
        (similarity >= this.options.similarNameThreshold &&
          samePlace(this.customer.customer, account.account))
      ) {
        found.push(account);
      }
    }
    return found.sort(
      (a, b) => this.similarity(b) - this.similarity(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** Most look-alikes fall short of the threshold: only those that reach it are remembered. */
  #noteName(account: IndexedAccount): void {
    const threshold = this.options.nameSuggestionThreshold;
    if (!mayReachSimilarity(this.customer.normalisedName, account.normalisedName, threshold)) return;
    const similarity = this.#similarity.get(account) ?? this.#compareNames(account);
    if (similarity < threshold) return;
    this.#similarity.set(account, similarity);
    this.evidence.signalsOf(account).add("name");
  }

  similarity(account: IndexedAccount): number {
    let similarity = this.#similarity.get(account);
    if (similarity === undefined) {
      similarity = this.#compareNames(account);
      this.#similarity.set(account, similarity);
    }
    return similarity;
  }

  #compareNames(account: IndexedAccount): number {
    return normalisedSimilarity(this.customer.normalisedName, account.normalisedName);
  }

  /** The other zapfloor customer this account is linked to, if any. */
  linkedElsewhere(account: IndexedAccount): string | undefined {
    const linked = this.links.byAccount(account.id);
    return linked !== undefined && linked !== this.customer.number ? linked : undefined;
  }

  signalsOf(account: IndexedAccount): ReadonlySet<MatchSignal> {
    return this.evidence.signalsOf(account);
  }

  companyNumberHits(): IndexedAccount[] {
    return this.hits.byCompanyNumber.filter((account) => this.signalsOf(account).has("companyNumber"));
  }

  decision(outcome: MatchOutcome, reasons: Reason[], account?: IndexedAccount): Decision {
    if (outcome !== "linked" && outcome !== "match") this.addNameLookalikes();
    if (account) this.evidence.include(account);
    const decision: Decision = { outcome, reasons, candidates: this.#rankedCandidates(account) };
    if (account) decision.account = account.account;
    return decision;
  }

  #rankedCandidates(chosen: IndexedAccount | undefined): Candidate[] {
    const ranked: { indexed: IndexedAccount; candidate: Candidate }[] = [];
    for (const [indexed, signals] of this.evidence.entries()) {
      if (signals.size === 0 && indexed !== chosen) continue;
      const nameSimilarity = this.similarity(indexed);
      const candidate: Candidate = {
        account: indexed.account,
        matchedOn: orderedSignals(signals),
        score: evidenceScore(signals, nameSimilarity),
        nameSimilarity: Math.round(nameSimilarity * 1000) / 1000,
        isCustomer: indexed.account.status === "C",
      };
      const linkedTo = this.links.byAccount(indexed.id);
      if (linkedTo !== undefined) candidate.linkedTo = linkedTo;
      ranked.push({ indexed, candidate });
    }
    ranked.sort(
      (a, b) =>
        Number(b.indexed === chosen) - Number(a.indexed === chosen) ||
        b.candidate.score - a.candidate.score ||
        Number(b.candidate.isCustomer) - Number(a.candidate.isCustomer) ||
        b.candidate.nameSimilarity - a.candidate.nameSimilarity ||
        (a.indexed.id < b.indexed.id ? -1 : a.indexed.id > b.indexed.id ? 1 : 0),
    );
    return ranked.slice(0, this.options.maxCandidates).map((entry) => entry.candidate);
  }
}

function decideOutcome(context: DecisionContext): Decision {
  const linkedId = context.links.byCustomer(context.customer.number);
  if (linkedId !== undefined) return decideLinked(context, linkedId);

  const { customer, numberHits, hits } = context;
  if (numberHits.length > 0) {
    const pointedAt = preferCustomers(numberHits);
    const target =
      pointedAt.length === 1 ? pointedAt[0] : onlyOne(pointedAt.filter((a) => hits.byVat.includes(a)));
    if (!target) return context.decision("ambiguous", [reasons.numberPointsToSeveral(customer, pointedAt)]);
    if (vatContradicts(customer, target, hits.byVat)) {
      return context.decision("conflict", [
        ...basisReasons(target, customer, context.signalsOf(target)),
        reasons.vatContradiction(target, customer, hits.byVat),
      ]);
    }
    return settleOn(context, target);
  }

  if (hits.byVat.length > 0) {
    const sharing = preferCustomers(hits.byVat);
    if (sharing.length === 1) return settleOn(context, sharing[0]!);
    const companyHits = context.companyNumberHits();
    const narrowed = onlyOne(sharing.filter((account) => companyHits.includes(account)));
    if (narrowed) return settleOn(context, narrowed);
    return context.decision("ambiguous", [reasons.vatSharedBySeveral(customer, sharing)]);
  }

  const companyHits = context.companyNumberHits();
  if (companyHits.length > 0) {
    return context.decision(
      "review",
      [reasons.companyNumberOnly(customer, companyHits)],
      onlyOne(companyHits),
    );
  }

  context.addNameLookalikes();
  if (context.options.similarNameBlocksCreate) {
    const twins = context.nearCertainNameMatches();
    if (twins.length > 0) {
      return context.decision("review", [reasons.similarNameExists(twins)], onlyOne(twins));
    }
  }
  const nameMatches = context.nameOnlyCount();
  const createReasons = [reasons.noMatch(customer)];
  if (nameMatches > 0) createReasons.push(reasons.nameSuggestions(nameMatches, "Exact account"));
  return context.decision("create", createReasons);
}

/** Already linked: still good (`linked`), or the link needs a person (`stale`); never silently relinked. */
function decideLinked(context: DecisionContext, linkedId: string): Decision {
  const { customer } = context;
  const linked = context.accounts.get(linkedId);
  if (!linked) return context.decision("stale", [reasons.accountDeleted(normaliseAccountId(linkedId))]);
  const problems = accountProblems(linked, false);
  if (problems.length > 0) return context.decision("stale", problems, linked);
  const found: Reason[] = [reasons.linked(linked, customer)];
  if (customer.vat.canonical && linked.vat && customer.vat.canonical !== linked.vat) {
    found.push(reasons.vatDiffers(linked, customer));
  }
  return context.decision("linked", found, linked);
}

/** One account is pointed at: link it, unless it belongs to someone else or is not a usable customer. */
function settleOn(context: DecisionContext, target: IndexedAccount): Decision {
  const basis = basisReasons(target, context.customer, context.signalsOf(target));
  const otherCustomer = context.linkedElsewhere(target);
  if (otherCustomer !== undefined) {
    return context.decision(
      "conflict",
      [...basis, reasons.alreadyLinkedElsewhere(target, otherCustomer)],
      target,
    );
  }
  const problems = accountProblems(target, true);
  if (problems.length > 0) return context.decision("review", [...basis, ...problems], target);
  return context.decision("match", basis, target);
}

/** The VAT number says "not this account": the target's VAT differs, or it belongs to other accounts. */
function vatContradicts(
  customer: IndexedCustomer,
  target: IndexedAccount,
  vatHits: readonly IndexedAccount[],
): boolean {
  const customerVat = customer.vat.canonical;
  if (customerVat === undefined) return false;
  if (target.vat !== undefined && target.vat !== customerVat) return true;
  return vatHits.length > 0 && !vatHits.includes(target);
}

/** The usable customer accounts among `accounts` if there are any, else all of them. */
function preferCustomers(accounts: readonly IndexedAccount[]): IndexedAccount[] {
  const customers = accounts.filter((indexed) => indexed.account.status === "C" && !indexed.account.blocked);
  return customers.length > 0 ? customers : [...accounts];
}

/** Hits sorted by account id, so that a decision does not depend on the order accounts were indexed in. */
function inIdOrder(hits: AccountHits): AccountHits {
  const sorted = (accounts: readonly IndexedAccount[]) =>
    accounts.length < 2 ? accounts : [...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    byCode: sorted(hits.byCode),
    bySearchCode: sorted(hits.bySearchCode),
    byVat: sorted(hits.byVat),
    byCompanyNumber: sorted(hits.byCompanyNumber),
  };
}

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function customerVatNote(customer: IndexedCustomer): Reason | undefined {
  const problems = customer.vat.reasons.filter(
    (code) => code !== "vat_missing" && code !== "vat_country_differs",
  );
  return problems.length > 0 ? reasons.customerVatInvalid(customer, problems) : undefined;
}
