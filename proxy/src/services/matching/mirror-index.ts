import { AccountIndex, type IndexedAccount } from "@zapfloor-exact/shared/matching";
import {
  liveMirrorRowsAfter,
  type MirrorProbe,
  mirrorRowsChangedSince,
  probeMirror,
} from "../../db/mirror-reads";
import type { ServiceContext } from "../context";
import { ChangeJournal } from "./change-journal";
import { BYTES_PER_INDEXED_ACCOUNT, indexMemoryBudget } from "./index-memory";
import { BUILD_PAGE, keptInStep, nextTurn, nextVersion } from "./kept-in-step";
import { type MirroredAccount, mirroredAccountOf, sameMirroredAccount } from "./mirrored-account";

/**
 * A division's live accounts in an `AccountIndex`, kept in step with the mirror table.
 *
 * Why in memory: name suggestions and the overview's per-account suggestions need every account of the
 * division at hand (names are not an indexable key in SQL), and rebuilding an index of 100k accounts costs
 * seconds. So each process keeps one index per division and, before each use, applies only what changed:
 * one probe (two index seeks and the sync row) says whether anything did, and the changed rows are read by
 * the mirror's `mirrored_at` / `deleted_at` indexes. Rows written by a sync pass carry the pass's start
 * time, so they are read once the pass completes; anything written in the last `RECENT_MS` is re-read on
 * every probe, which absorbs writes in the same millisecond and small clock differences between replicas.
 * Identifiers (Code, SearchCode, VAT, company number) never come from here for a decision: those are read
 * from the database at the moment of deciding (see `db-account-lookup.ts`).
 */
export interface MirrorIndex {
  index: AccountIndex;
  /** Grows with every change applied; caches derived from the index compare it. */
  version: number;
  /** The accounts each version changed, each as it was indexed before (none: it was new). */
  journal: ChangeJournal<AccountChange>;
}

export interface AccountChange {
  id: string;
  before: IndexedAccount | undefined;
}

interface State extends MirrorIndex {
  /** Rows mirrored or deleted at or after this instant may not be in the index yet. */
  recentFrom: number;
  /** The sync row as last seen: a pass that started or ended since is read in full. */
  syncSeen: string;
  /** Start of a sync pass seen running: its rows carry this time and are read when it ends. */
  passStart?: number;
}

const RECENT_MS = 10_000;
const current = keptInStep<State>({
  maxKeys: Number.POSITIVE_INFINITY,
  footprint: (state) => state.index.size * BYTES_PER_INDEXED_ACCOUNT,
  budget: indexMemoryBudget,
});

type Scope = { tenantId: string; division: number };

export function mirrorIndexOf(ctx: ServiceContext, scope: Scope): Promise<MirrorIndex> {
  return current(ctx.db, `${scope.tenantId}:${scope.division}`, (state) => catchUp(ctx, scope, state));
}

/** Whether the division's index was ever built in this process; if not, its build starts in the background. */
export function mirrorIndexBuilt(ctx: ServiceContext, scope: Scope): boolean {
  const key = `${scope.tenantId}:${scope.division}`;
  return current.ifBuilt(ctx.db, key, (state) => catchUp(ctx, scope, state)) !== undefined;
}

/** Drops the division's index from this process's memory, as an eviction does: it is built again when asked for. */
export function forgetMirrorIndex(ctx: ServiceContext, scope: Scope): void {
  current.forget(ctx.db, `${scope.tenantId}:${scope.division}`);
}

/** The indexes this process holds for one database: how many, their estimated bytes, evictions so far. */
export function mirrorIndexStats(ctx: ServiceContext) {
  return current.stats(ctx.db);
}

/**
 * The index as it stands when `probe` (read just now) shows nothing it has not applied: no sync pass started
 * or ended and no row written in its recent window. Undefined when it must catch up (`mirrorIndexOf`).
 */
export function mirrorIndexIfCurrent(
  ctx: ServiceContext,
  scope: Scope,
  probe: MirrorProbe,
): MirrorIndex | undefined {
  const state = current.peek(ctx.db, `${scope.tenantId}:${scope.division}`);
  if (!state || syncKey(probe) !== state.syncSeen) return undefined;
  if ((probe.lastMirroredAt ?? Number.NEGATIVE_INFINITY) >= state.recentFrom) return undefined;
  if ((probe.lastDeletedAt ?? Number.NEGATIVE_INFINITY) >= state.recentFrom) return undefined;
  return state;
}

const syncKey = (probe: MirrorProbe) => `${probe.syncStatus}|${probe.syncStartedAt}|${probe.syncCompletedAt}`;

async function catchUp(ctx: ServiceContext, scope: Scope, state: State | undefined): Promise<State> {
  const probedAt = ctx.clock.now();
  const probe = await probeMirror(ctx.db, scope);
  const passStart = probe.syncStatus === "running" ? (probe.syncStartedAt ?? undefined) : undefined;
  const seen = { recentFrom: probedAt - RECENT_MS, syncSeen: syncKey(probe), passStart };

  if (!state) {
    const index = new AccountIndex();
    for (let after = ""; ; ) {
      const page = await liveMirrorRowsAfter(ctx.db, scope, after, BUILD_PAGE);
      index.upsertAll(page.map(mirroredAccountOf));
      if (page.length < BUILD_PAGE) break;
      after = page[page.length - 1]!.id;
      await nextTurn();
    }
    const version = nextVersion();
    return { index, version, journal: new ChangeJournal(version), ...seen };
  }

  const syncChanged = seen.syncSeen !== state.syncSeen;
  const recentWrites =
    (probe.lastMirroredAt ?? Number.NEGATIVE_INFINITY) >= state.recentFrom ||
    (probe.lastDeletedAt ?? Number.NEGATIVE_INFINITY) >= state.recentFrom;
  if (!syncChanged && !recentWrites) return state;

  let from = state.recentFrom;
  if (syncChanged) {
    from = Math.min(from, state.passStart ?? from, probe.syncStartedAt ?? from);
  }
  const changed: AccountChange[] = [];
  for (const row of await mirrorRowsChangedSince(ctx.db, scope, from)) {
    const before = state.index.get(row.id);
    if (row.deletedAt !== null) {
      if (before && state.index.remove(row.id)) changed.push({ id: before.id, before });
      continue;
    }
    const account = mirroredAccountOf(row);
    if (before && sameMirroredAccount(before.account as MirroredAccount, account)) continue;
    changed.push({ id: state.index.upsert(account).id, before });
  }
  if (changed.length === 0) return { ...state, ...seen };
  const version = nextVersion();
  state.journal.record(version, changed);
  return { ...state, ...seen, version };
}
