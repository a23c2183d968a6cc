import { type AccountSuggestion, suggestForAccount } from "@zapfloor-exact/shared/matching";
import type { AccountState, OverviewCounts } from "@zapfloor-exact/shared/schemas/accounts";
import type { DivisionProbe } from "../../db/division-probe";
import { type MirrorRow, mirrorRowsByIds } from "../../db/mirror-reads";
import type { ServiceContext } from "../context";
import {
  type CustomerIndexState,
  customerIndexBuilt,
  customerIndexIfCurrent,
  customerIndexOf,
} from "../matching/customer-index-cache";
import { type LinkCache, linkCacheBuilt, linkCacheIfCurrent, linkCacheOf } from "../matching/link-cache";
import {
  type MirrorIndex,
  mirrorIndexBuilt,
  mirrorIndexIfCurrent,
  mirrorIndexOf,
} from "../matching/mirror-index";
import { type MirroredAccount, mirroredAccountOf } from "../matching/mirrored-account";
import { keptStates, overviewMatchOptions, stateCounts, stateCountsIfReady } from "./state-tally";

type Scope = { tenantId: string; division: number };

/**
 * Everything the Accounts Overview and the account panel read, for one division: the accounts, the tenant's
 * customers and the links, each kept in step with the database; the overview's listing (every customer account
 * and every linked account, by name) and each account's suggestion are derived from them once per version; the
 * counts per state are kept across versions, brought up to date change by change.
 */
export interface DivisionView {
  accounts: MirrorIndex;
  customers: CustomerIndexState;
  links: LinkCache;
  /** Customer accounts and linked accounts (deleted ones included), by name then id; worked out when first asked. */
  listing(): Promise<readonly ListedAccount[]>;
  /** How many listed accounts are in each state (`state-tally.ts`). */
  counts(): Promise<OverviewCounts>;
  /** The counts if they are at hand or follow from the changes since; null while the whole division is counted. */
  countsIfReady(): OverviewCounts | null;
  /** Each listed account's state as the counts have it, when they are up to date. */
  keptStates(): ReadonlyMap<string, AccountState> | undefined;
  suggestionFor(account: MirroredAccount): AccountSuggestion;
}

export interface ListedAccount {
  account: MirroredAccount;
  /** Lower-case name, then id: the listing's order and the cursor's position. */
  sortKey: string;
}

interface Derived {
  version: string;
  listing?: Promise<ListedAccount[]>;
  /** The suggestions worked out last, the most recently used last: at most `MAX_SUGGESTIONS`. */
  suggestions: Map<string, AccountSuggestion>;
  /** The view over these parts, made once for the requests that find them at this version (it logs to `logger`). */
  view?: { view: DivisionView; logger: ServiceContext["logger"] };
}

const derivedByDatabase = new WeakMap<object, Map<string, Derived>>();
const MAX_DIVISIONS = 32;
/**
 * Suggestions kept per division: those of the accounts people have open and the pages they read. The counts keep
 * each listed account's state (`state-tally.ts`), not its suggestion, so that the division's memory does not grow
 * by a suggestion (some hundreds of bytes) per account.
 */
export const MAX_SUGGESTIONS = 2_000;

export const sortKeyOf = (account: { name: string; id: string }) =>
  `${account.name.toLowerCase()}\u0000${account.id}`;

/**
 * The view, kept in step with the database. With a `probe` read at the start of the request, each part that
 * has applied everything the probe shows is used as it is, without a query of its own.
 */
export async function divisionView(
  ctx: ServiceContext,
  scope: Scope,
  probe?: DivisionProbe,
): Promise<DivisionView> {
  const [accounts, customers, links] = await Promise.all([
    (probe && mirrorIndexIfCurrent(ctx, scope, probe.mirror)) ?? mirrorIndexOf(ctx, scope),
    (probe && customerIndexIfCurrent(ctx, scope.tenantId, probe.lastCustomerChange)) ??
      customerIndexOf(ctx, scope.tenantId),
    (probe && linkCacheIfCurrent(ctx, scope, probe.lastLinkEventId)) ?? linkCacheOf(ctx, scope),
  ]);
  const version = `${accounts.version}:${customers.version}:${links.version}`;
  let byKey = derivedByDatabase.get(ctx.db);
  if (!byKey) {
    byKey = new Map();
    derivedByDatabase.set(ctx.db, byKey);
  }
  const key = `${scope.tenantId}:${scope.division}`;
  let derived = byKey.get(key);
  byKey.delete(key);
  if (derived?.version !== version) derived = { version, suggestions: new Map() };
  // Most recently used last; the oldest go, as the indexes they were derived from do (`keptInStep`).
  byKey.set(key, derived);
  for (const oldest of byKey.keys()) {
    if (byKey.size <= MAX_DIVISIONS) break;
    byKey.delete(oldest);
  }
  const kept = derived.view;
  if (
    kept?.logger === ctx.logger &&
    kept.view.accounts === accounts &&
    kept.view.customers === customers &&
    kept.view.links === links
  )
    return kept.view;
  const view = viewOf(ctx, scope, { accounts, customers, links }, derived);
  derived.view = { view, logger: ctx.logger };
  return view;
}

function viewOf(
  ctx: ServiceContext,
  scope: Scope,
  { accounts, customers, links }: Pick<DivisionView, "accounts" | "customers" | "links">,
  current: Derived,
): DivisionView {
  const { suggestions } = current;
  const view: DivisionView = {
    accounts,
    customers,
    links,
    listing() {
      current.listing ??= listingOf(ctx, scope, accounts, links);
      return current.listing;
    },
    counts: () => stateCounts(view),
    countsIfReady: () => stateCountsIfReady(view, ctx.logger),
    keptStates: () => keptStates(view),
    suggestionFor(account) {
      let suggestion = suggestions.get(account.id);
      if (suggestion) suggestions.delete(account.id);
      else {
        suggestion = suggestForAccount(
          account,
          customers.index,
          accounts.index,
          links.lookup,
          overviewMatchOptions,
        );
        if (suggestions.size >= MAX_SUGGESTIONS) suggestions.delete(suggestions.keys().next().value!);
      }
      suggestions.set(account.id, suggestion);
      return suggestion;
    },
  };
  return view;
}

/**
 * The view if this process has built its parts (then it is brought up to date as `divisionView` does, which
 * applies only what changed); undefined while a part is still being built for the first time, or again after
 * it was evicted. Asking starts those builds in the background: the caller answers from the database meanwhile
 * (`division-view-around.ts`) instead of waiting on them.
 */
export async function divisionViewIfBuilt(
  ctx: ServiceContext,
  scope: Scope,
  probe?: DivisionProbe,
): Promise<DivisionView | undefined> {
  const built = [
    mirrorIndexBuilt(ctx, scope),
    customerIndexBuilt(ctx, scope.tenantId),
    linkCacheBuilt(ctx, scope),
  ];
  if (built.includes(false)) return undefined;
  return divisionView(ctx, scope, probe);
}

async function listingOf(
  ctx: ServiceContext,
  scope: Scope,
  accounts: MirrorIndex,
  links: LinkCache,
): Promise<ListedAccount[]> {
  const listed: MirroredAccount[] = [];
  for (const indexed of accounts.index.values()) {
    if (indexed.account.status === "C" || links.byAccount.has(indexed.id)) {
      listed.push(indexed.account as MirroredAccount);
    }
  }
  // A link to an account no longer in Exact stays listed, so that a person sees it and unlinks it.
  const gone = [...links.byAccount.keys()].filter((id) => !accounts.index.get(id));
  const goneRows = await mirrorRowsByIds(ctx.db, scope, gone);
  const found = new Set(goneRows.map((row) => row.id));
  listed.push(...goneRows.map(mirroredAccountOf));
  for (const id of gone.filter((id) => !found.has(id)))
    listed.push(mirroredAccountOf(unknownAccountRow(scope, id)));
  return listed
    .map((account) => ({ account, sortKey: sortKeyOf(account) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

/** A linked account the mirror never saw (linked before a sync removed all trace of it), as a mirror row. */
export function unknownAccountRow(scope: Scope, id: string): MirrorRow {
  return {
    tenantId: scope.tenantId,
    division: scope.division,
    id,
    code: null,
    codeKey: null,
    searchCode: null,
    searchCodeKey: null,
    name: "(unknown account)",
    vatNumber: null,
    vatKey: null,
    chamberOfCommerce: null,
    companyNumberKey: null,
    status: null,
    isSupplier: false,
    isSales: false,
    blocked: false,
    email: null,
    city: null,
    postcode: null,
    country: null,
    exactTimestamp: null,
    exactModifiedAt: null,
    mirroredAt: 0,
    deletedAt: 0,
  };
}
