import { type LinkLookup, normaliseAccountId } from "@zapfloor-exact/shared/matching";
import {
  type LinkRow,
  lastLinkEventId,
  linkEventsAfter,
  linksAfter,
  linksTouching,
} from "../../db/link-store";
import type { ServiceContext } from "../context";
import { ChangeJournal } from "./change-journal";
import { BUILD_PAGE, keptInStep, nextTurn, nextVersion } from "./kept-in-step";
import { oneCopy } from "./one-copy";

/**
 * A division's links in memory, for the overview. Every link change appends a `link_events` row in the same
 * transaction, so the newest event id versions the links exactly: new events name the customers and accounts
 * whose links are re-read.
 */
export interface LinkCache {
  byCustomer: Map<string, LinkRow>;
  byAccount: Map<string, LinkRow>;
  lookup: LinkLookup;
  version: number;
  /** The links each version made or ended, as account and customer. */
  journal: ChangeJournal<LinkChange>;
}

export interface LinkChange {
  exactId: string;
  customerNumber: string;
}

interface State extends LinkCache {
  lastEventId: number;
}

const current = keptInStep<State>();
type Scope = { tenantId: string; division: number };

export function linkCacheOf(ctx: ServiceContext, scope: Scope): Promise<LinkCache> {
  return current(ctx.db, `${scope.tenantId}:${scope.division}`, (state) => catchUp(ctx, scope, state));
}

/** Whether the division's links were ever read into memory here; if not, that starts in the background. */
export function linkCacheBuilt(ctx: ServiceContext, scope: Scope): boolean {
  const key = `${scope.tenantId}:${scope.division}`;
  return current.ifBuilt(ctx.db, key, (state) => catchUp(ctx, scope, state)) !== undefined;
}

/** The links as they stand when `lastEventId` (read just now) is one they have applied. */
export function linkCacheIfCurrent(
  ctx: ServiceContext,
  scope: Scope,
  lastEventId: number,
): LinkCache | undefined {
  const state = current.peek(ctx.db, `${scope.tenantId}:${scope.division}`);
  return state && lastEventId <= state.lastEventId ? state : undefined;
}

async function catchUp(ctx: ServiceContext, scope: Scope, state: State | undefined): Promise<State> {
  const lastEventId = await lastLinkEventId(ctx.db, scope);
  if (!state) {
    const byCustomer = new Map<string, LinkRow>();
    const byAccount = new Map<string, LinkRow>();
    for (let after = ""; ; ) {
      const page = await linksAfter(ctx.db, scope, after, BUILD_PAGE);
      for (const row of page.map(keptRow)) {
        byCustomer.set(row.customerNumber, row);
        byAccount.set(row.exactId, row);
      }
      if (page.length < BUILD_PAGE) break;
      after = page[page.length - 1]!.customerNumber;
      await nextTurn();
    }
    const version = nextVersion();
    return {
      byCustomer,
      byAccount,
      lookup: lookupOver(byCustomer, byAccount),
      version,
      journal: new ChangeJournal(version),
      lastEventId,
    };
  }
  if (lastEventId <= state.lastEventId) return state;

  const events = await linkEventsAfter(ctx.db, scope, state.lastEventId);
  const customerNumbers = [...new Set(events.map((event) => event.customerNumber))];
  const exactIds = [...new Set(events.map((event) => event.exactId))];
  const rows = (await linksTouching(ctx.db, scope, { customerNumbers, exactIds })).map(keptRow);
  // Applied in one turn, after the read: no request sees the links half changed.
  const changed: LinkChange[] = [];
  for (const number of customerNumbers) forget(state, state.byCustomer.get(number), changed);
  for (const id of exactIds) forget(state, state.byAccount.get(id), changed);
  for (const row of rows) {
    forget(state, state.byCustomer.get(row.customerNumber), changed);
    forget(state, state.byAccount.get(row.exactId), changed);
    state.byCustomer.set(row.customerNumber, row);
    state.byAccount.set(row.exactId, row);
    changed.push({ exactId: row.exactId, customerNumber: row.customerNumber });
  }
  const newest = Math.max(state.lastEventId, ...events.map((event) => event.id));
  const version = nextVersion();
  state.journal.record(version, changed);
  return { ...state, version, lastEventId: newest };
}

function forget(state: State, row: LinkRow | undefined, changed: LinkChange[]) {
  if (!row) return;
  if (state.byCustomer.get(row.customerNumber) === row) state.byCustomer.delete(row.customerNumber);
  if (state.byAccount.get(row.exactId) === row) state.byAccount.delete(row.exactId);
  changed.push({ exactId: row.exactId, customerNumber: row.customerNumber });
}

function lookupOver(byCustomer: Map<string, LinkRow>, byAccount: Map<string, LinkRow>): LinkLookup {
  return {
    byCustomer: (customerNumber) => byCustomer.get(customerNumber.trim())?.exactId,
    byAccount: (accountId) => byAccount.get(normaliseAccountId(accountId))?.customerNumber,
  };
}

/**
 * A link as kept: every column in the object itself (a row as read carries most of them in a separate property
 * store), and the values every link of a division repeats (tenant, method, who linked) as one copy.
 */
class KeptLink implements LinkRow {
  id: string;
  tenantId: string;
  division: number;
  customerNumber: string;
  exactId: string;
  method: LinkRow["method"];
  linkedBy: string;
  linkedAt: number;

  constructor(row: LinkRow) {
    this.id = row.id;
    this.tenantId = oneCopy(row.tenantId);
    this.division = row.division;
    this.customerNumber = row.customerNumber;
    this.exactId = row.exactId;
    this.method = oneCopy(row.method);
    this.linkedBy = oneCopy(row.linkedBy);
    this.linkedAt = row.linkedAt;
  }
}

const keptRow = (row: LinkRow): LinkRow => new KeptLink(row);
