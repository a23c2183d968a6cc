import { resolveMatchOptions, suggestForAccount } from "@zapfloor-exact/shared/matching";
import type { AccountState, OverviewCounts } from "@zapfloor-exact/shared/schemas/accounts";
import type { Logger } from "../../logger";
import type { ChangeJournal } from "../matching/change-journal";
import type { CustomerIndexState } from "../matching/customer-index-cache";
import { nextTurn } from "../matching/kept-in-step";
import type { LinkCache } from "../matching/link-cache";
import type { MirrorIndex } from "../matching/mirror-index";
import type { MirroredAccount } from "../matching/mirrored-account";
import { stateOf } from "./overview-row";
import { accountsReached } from "./state-reach";

export const overviewMatchOptions = resolveMatchOptions();

/** What a division's states are read from: its accounts, the tenant's customers, the division's links. */
export interface StateParts {
  accounts: MirrorIndex;
  customers: CustomerIndexState;
  links: LinkCache;
}

/** Accounts worked out between two turns of a recount: about 12 ms of a 100k-account division's pass. */
const RECOUNT_STEP = 1_000;
/** Past this many accounts reached by changes (a sync that changed thousands), the counts are worked out whole. */
const MAX_REACHED = 5_000;
/** Recounts that may find the journals moved on too far meanwhile; the last one runs in one turn. */
const RECOUNT_TRIES = 3;

type Journals = [ChangeJournal<unknown>, ChangeJournal<unknown>, ChangeJournal<unknown>];
const journalsOf = (parts: StateParts): Journals => [
  parts.accounts.journal,
  parts.customers.journal,
  parts.links.journal,
];

/** Each listed account's state and how many are in each, as of the versions `at` of the journals followed. */
class Tally {
  readonly states = new Map<string, AccountState>();
  readonly counts: OverviewCounts = { all: 0, linked: 0, unlinked: 0, suggested: 0, conflict: 0 };
  at: [number, number, number];

  constructor(readonly journals: Journals) {
    this.at = [journals[0].latest, journals[1].latest, journals[2].latest];
  }

  set(id: string, state: AccountState | undefined) {
    const before = this.states.get(id);
    if (before === state) return;
    if (before) {
      this.counts[before]--;
      this.counts.all--;
      this.states.delete(id);
    }
    if (state) {
      this.counts[state]++;
      this.counts.all++;
      this.states.set(id, state);
    }
  }
}

/** The state of a listed account, read from the parts as they are now; undefined if the overview does not list it. */
export function listedStateOf(parts: StateParts, id: string): AccountState | undefined {
  const link = parts.links.byAccount.get(id);
  const indexed = parts.accounts.index.get(id);
  // A link to an account gone from Exact (or never mirrored) stays listed, as a conflict (`account_deleted`).
  if (!indexed) return link ? "conflict" : undefined;
  const account = indexed.account as MirroredAccount;
  if (account.status !== "C" && !link) return undefined;
  const suggestionFor = (wanted: MirroredAccount) =>
    suggestForAccount(
      wanted,
      parts.customers.index,
      parts.accounts.index,
      parts.links.lookup,
      overviewMatchOptions,
    );
  return stateOf({ links: parts.links, customers: parts.customers, suggestionFor }, account);
}

/**
 * Brings the tally up to the parts by what changed since: only the accounts the changes reach are worked out
 * again. False when it cannot: the parts were built again since (evicted, or a first build), their journals no
 * longer reach back to the tally, or the changes reach too many accounts.
 */
function catchUp(tally: Tally, parts: StateParts): boolean {
  const journals = journalsOf(parts);
  if (journals.some((journal, i) => journal !== tally.journals[i])) return false;
  const [accounts, customers, links] = [
    parts.accounts.journal.since(tally.at[0]),
    parts.customers.journal.since(tally.at[1]),
    parts.links.journal.since(tally.at[2]),
  ];
  if (!accounts || !customers || !links) return false;
  const changes = { accounts: accounts.changes, customers: customers.changes, links: links.changes };
  if (changes.accounts.length + changes.customers.length + changes.links.length > 0) {
    const reached = accountsReached(
      changes,
      { accounts: parts.accounts.index, customers: parts.customers.index, links: parts.links.lookup },
      overviewMatchOptions,
    );
    if (reached.size > MAX_REACHED) return false;
    for (const id of reached) tally.set(id, listedStateOf(parts, id));
  }
  tally.at = [accounts.to, customers.to, links.to];
  return true;
}

/**
 * Every listed account's state, worked out in steps with turns between them, so that other requests are
 * answered meanwhile. The parts may change between steps: what changed is then applied at the end.
 */
async function recount(parts: StateParts, step: number): Promise<Tally> {
  const tally = new Tally(journalsOf(parts));
  const ids = Array.from(parts.accounts.index.values(), (indexed) => indexed.id);
  for (const id of parts.links.byAccount.keys()) if (!parts.accounts.index.get(id)) ids.push(id);
  for (let i = 0; i < ids.length; i++) {
    if (i > 0 && i % step === 0) await nextTurn();
    tally.set(ids[i]!, listedStateOf(parts, ids[i]!));
  }
  return tally;
}

interface Entry {
  tally?: Tally;
  recounting?: Promise<Tally>;
}

/**
 * Per division, under its account index's journal: the tally lives as long as the index it was worked out on,
 * and goes with it when the index is evicted or built again.
 */
const entries = new WeakMap<ChangeJournal<unknown>, Entry>();

function entryOf(parts: StateParts): Entry {
  let entry = entries.get(parts.accounts.journal);
  if (!entry) {
    entry = {};
    entries.set(parts.accounts.journal, entry);
  }
  return entry;
}

function countsNow(entry: Entry, parts: StateParts): OverviewCounts | undefined {
  return entry.tally && catchUp(entry.tally, parts) ? { ...entry.tally.counts } : undefined;
}

function recountOnce(entry: Entry, parts: StateParts): Promise<Tally> {
  entry.recounting ??= (async () => {
    for (let tries = 1; ; tries++) {
      const tally = await recount(parts, tries < RECOUNT_TRIES ? RECOUNT_STEP : Number.POSITIVE_INFINITY);
      if (catchUp(tally, parts)) {
        entry.tally = tally;
        return tally;
      }
    }
  })().finally(() => {
    entry.recounting = undefined;
  });
  return entry.recounting;
}

/**
 * How many of a division's listed accounts are in each state. Kept per division with each account's state:
 * after a change (a link, an account or a customer changed, here or by another replica, as the parts' journals
 * say) only the accounts it reaches are worked out again. The whole division is worked out when nothing is kept
 * yet, after the parts were built again, or after a change that reaches thousands of accounts.
 */
export async function stateCounts(parts: StateParts): Promise<OverviewCounts> {
  const entry = entryOf(parts);
  let counts = countsNow(entry, parts);
  while (!counts) {
    const running = entry.recounting;
    if (!running) return { ...(await recountOnce(entry, parts)).counts };
    await running.catch(() => undefined);
    counts = countsNow(entry, parts);
  }
  return counts;
}

/** The counts if they can be had without working out the whole division; if not, null, and that starts. */
export function stateCountsIfReady(parts: StateParts, logger: Logger): OverviewCounts | null {
  const entry = entryOf(parts);
  const counts = countsNow(entry, parts);
  if (counts) return counts;
  if (!entry.recounting)
    recountOnce(entry, parts).catch((error: unknown) =>
      logger.error("overview counts failed", { error: String(error) }),
    );
  return null;
}

/** Each listed account's state, when the kept counts are (or can be brought) up to date; else undefined. */
export function keptStates(parts: StateParts): ReadonlyMap<string, AccountState> | undefined {
  const { tally } = entryOf(parts);
  return tally && catchUp(tally, parts) ? tally.states : undefined;
}
