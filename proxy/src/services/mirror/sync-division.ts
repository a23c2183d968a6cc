import {
  finishSync,
  markAccountsDeleted,
  markUnseenDeleted,
  readDivisionSync,
  renewSyncLease,
  takeSyncLease,
  upsertAccounts,
} from "../../db/mirror-store";
import type { SyncKind } from "../../db/schema";
import { describeError } from "../../db/storage-error";
import { AppError } from "../../errors";
import type { DivisionApi } from "../../exact/client";
import { accountsChangedSince, accountsDeletedSince } from "../../exact/resources/accounts";
import type { ExactServiceContext } from "../context";
import { recordSyncFailure } from "../events/division-events";
import { writeMirrorWatchingLinks } from "../events/stale-links";
import { accountRow } from "./account-row";

export interface SyncRequest {
  tenantId: string;
  division: number;
  /** `auto`: a full load the first time, incremental after that. */
  kind?: "auto" | "full" | "incremental";
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  phase: "accounts" | "deletions";
  pages: number;
  rows: number;
}

export type SyncResult =
  | { status: "already_running" }
  | {
      status: "completed";
      kind: Exclude<SyncKind, "account">;
      calls: number;
      changed: number;
      deleted: number;
      ms: number;
    };

/** Exact's sync Timestamps start above 0; "1" reads everything. [§4, S9 Settings.xml] */
const FROM_THE_START = "1";
const LEASE_MS = 120_000;

/**
 * Brings a division's account mirror up to date: first with a full load, then incrementally from the stored
 * sync Timestamps. The Timestamps move only after a complete pass, so an interrupted pass is redone, never skipped.
 */
export async function syncDivision(ctx: ExactServiceContext, request: SyncRequest): Promise<SyncResult> {
  const scope = { tenantId: request.tenantId, division: request.division };
  const owner = ctx.exact.instanceId;
  const state = await readDivisionSync(ctx.db, scope);
  const hasMarks = Boolean(state?.accountsTimestamp && state.deletedTimestamp);
  const kind =
    request.kind === "full" || (request.kind !== "incremental" && !hasMarks) ? "full" : "incremental";
  if (kind === "incremental" && !hasMarks) {
    throw new Error("An incremental sync needs a completed full load first.");
  }

  const startedAt = ctx.clock.now();
  if (!(await takeSyncLease(ctx.db, scope, owner, kind, startedAt, LEASE_MS)))
    return { status: "already_running" };

  const api = ctx.exact.client.division(request.tenantId, request.division);
  let rows = 0;
  const progress = async (phase: SyncProgress["phase"], pageRows: number, pages: number) => {
    rows += pageRows;
    request.onProgress?.({ phase, pages, rows });
    await renewSyncLease(ctx.db, scope, owner, ctx.clock.now() + LEASE_MS, rows);
  };

  try {
    const outcome =
      kind === "full"
        ? await fullLoad(ctx, api, scope, startedAt, progress)
        : await incremental(ctx, api, scope, state!, progress);
    const finishedAt = ctx.clock.now();
    await finishSync(ctx.db, scope, owner, {
      ...outcome.marks,
      status: "idle",
      lastKind: kind,
      lastCompletedAt: finishedAt,
      ...(kind === "full" ? { lastFullAt: finishedAt } : {}),
      lastCalls: api.calls,
      lastChanged: outcome.changed,
      lastError: null,
      lastErrorReason: null,
    });
    ctx.logger.info("mirror sync completed", { ...scope, kind, calls: api.calls, changed: outcome.changed });
    return {
      status: "completed",
      kind,
      calls: api.calls,
      changed: outcome.changed,
      deleted: outcome.deleted,
      ms: finishedAt - startedAt,
    };
  } catch (error) {
    const message = describeError(error);
    const failedAt = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      await finishSync(tx, scope, owner, {
        status: "failed",
        lastError: message,
        lastErrorReason:
          error instanceof AppError && error.reason
            ? { reason: error.reason, params: error.params ?? {} }
            : null,
      });
      // Once per run of failures: the periodic sync retrying a broken division is not news each time.
      if (state?.status !== "failed")
        await recordSyncFailure(tx, scope, { kind, error: message, at: failedAt });
    });
    throw error;
  }
}

type Scope = { tenantId: string; division: number };
type Progress = (phase: SyncProgress["phase"], pageRows: number, pages: number) => Promise<void>;
interface PassOutcome {
  marks: { accountsTimestamp: string; deletedTimestamp: string };
  changed: number;
  deleted: number;
}

/**
 * Every account through `sync/CRM/Accounts` from the start (1000 rows a page, the cost of bulk) and the highest
 * Timestamp seen as the mark. Exact's SyncTimestamp function does not serve Accounts, so there is no cheaper way
 * to a starting mark [§4, Exact's SyncTimestamp page]: ⌈accounts / 1000⌉ calls plus one for sync/Deleted.
 */
async function fullLoad(
  ctx: ExactServiceContext,
  api: DivisionApi,
  scope: Scope,
  startedAt: number,
  progress: Progress,
): Promise<PassOutcome> {
  let changed = 0;
  const accountsTimestamp = await readChanges(ctx, api, scope, FROM_THE_START, startedAt, progress, (n) => {
    changed += n;
  });
  const deletedTimestamp = await highestDeletedMark(api, FROM_THE_START);
  const deletedAt = ctx.clock.now();
  const deleted = await writeMirrorWatchingLinks(ctx.db, scope, undefined, deletedAt, (tx) =>
    markUnseenDeleted(tx, scope, startedAt, deletedAt),
  );
  return { marks: { accountsTimestamp, deletedTimestamp }, changed, deleted };
}

async function incremental(
  ctx: ExactServiceContext,
  api: DivisionApi,
  scope: Scope,
  state: { accountsTimestamp: string | null; deletedTimestamp: string | null },
  progress: Progress,
): Promise<PassOutcome> {
  let changed = 0;
  const now = ctx.clock.now();
  const accountsTimestamp = await readChanges(
    ctx,
    api,
    scope,
    state.accountsTimestamp!,
    now,
    progress,
    (n) => {
      changed += n;
    },
  );
  let deletedTimestamp = state.deletedTimestamp!;
  let deleted = 0;
  await accountsDeletedSince(api, deletedTimestamp, async (page, info) => {
    const ids = page.map((record) => record.EntityKey);
    const at = ctx.clock.now();
    deleted += await writeMirrorWatchingLinks(ctx.db, scope, ids, at, (tx) =>
      markAccountsDeleted(tx, scope, ids, at),
    );
    deletedTimestamp = maxTimestamp(deletedTimestamp, ...page.map((record) => record.Timestamp));
    await progress("deletions", page.length, info.page);
  });
  return { marks: { accountsTimestamp, deletedTimestamp }, changed, deleted };
}

async function readChanges(
  ctx: ExactServiceContext,
  api: DivisionApi,
  scope: Scope,
  since: string,
  mirroredAt: number,
  progress: Progress,
  count: (rows: number) => void,
): Promise<string> {
  let mark = since;
  await accountsChangedSince(api, since, async (page, info) => {
    const rows = page.map((account) => accountRow(scope, account, mirroredAt));
    await writeMirrorWatchingLinks(
      ctx.db,
      scope,
      rows.map((row) => row.id),
      ctx.clock.now(),
      (tx) => upsertAccounts(tx, rows),
    );
    mark = maxTimestamp(mark, ...page.map((account) => account.Timestamp));
    count(page.length);
    await progress("accounts", page.length, info.page);
  });
  return mark;
}

async function highestDeletedMark(api: DivisionApi, since: string): Promise<string> {
  let mark = since;
  await accountsDeletedSince(api, since, (page) => {
    mark = maxTimestamp(mark, ...page.map((record) => record.Timestamp));
  });
  return mark;
}

/** Timestamps are Int64 decimal text: compared as BigInt, never as JavaScript numbers. */
export function maxTimestamp(...values: string[]): string {
  return values.reduce((highest, value) => (BigInt(value) > BigInt(highest) ? value : highest));
}
