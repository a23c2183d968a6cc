import { CustomerIndex, type IndexedCustomer } from "@zapfloor-exact/shared/matching";
import {
  type CustomerRow,
  customersAfter,
  customersChangedSince,
  lastCustomerChange,
} from "../../db/customer-store";
import type { ServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { ChangeJournal } from "./change-journal";
import { BUILD_PAGE, keptInStep, nextTurn, nextVersion } from "./kept-in-step";
import { oneCopy } from "./one-copy";

/**
 * A tenant's zapfloor customers in a `CustomerIndex`, kept in step with the customers table the same way
 * `mirror-index.ts` keeps accounts: a probe of the latest `updated_at`, then only the rows changed since.
 * The index answers "which customer belongs to this Exact account?" for the account panel and the overview.
 */
export interface CustomerIndexState {
  index: CustomerIndex;
  /** The rows as stored, for showing a customer without another query. */
  rows: Map<string, CustomerRow>;
  version: number;
  /** The customers each version changed, each as it was indexed before (none: it was new). */
  journal: ChangeJournal<CustomerChange>;
}

export interface CustomerChange {
  number: string;
  before: IndexedCustomer | undefined;
}

interface State extends CustomerIndexState {
  recentFrom: number;
}

/** Writes in the last 10 s are re-read on every probe: same-millisecond writes, small clock skew. */
const RECENT_MS = 10_000;
const current = keptInStep<State>();

export function customerIndexOf(ctx: ServiceContext, tenantId: string): Promise<CustomerIndexState> {
  return current(ctx.db, tenantId, (state) => catchUp(ctx, tenantId, state));
}

/** Whether the tenant's index was ever built in this process; if not, its build starts in the background. */
export function customerIndexBuilt(ctx: ServiceContext, tenantId: string): boolean {
  return current.ifBuilt(ctx.db, tenantId, (state) => catchUp(ctx, tenantId, state)) !== undefined;
}

/** The index as it stands when `lastChange` (read just now) is older than anything it may have missed. */
export function customerIndexIfCurrent(
  ctx: ServiceContext,
  tenantId: string,
  lastChange: number | null,
): CustomerIndexState | undefined {
  const state = current.peek(ctx.db, tenantId);
  if (!state || (lastChange !== null && lastChange >= state.recentFrom)) return undefined;
  return state;
}

async function catchUp(ctx: ServiceContext, tenantId: string, state: State | undefined): Promise<State> {
  const probedAt = ctx.clock.now();
  if (!state) {
    const index = new CustomerIndex();
    const rows = new Map<string, CustomerRow>();
    for (let after = ""; ; ) {
      const page = await customersAfter(ctx.db, tenantId, after, BUILD_PAGE);
      for (const row of page) rows.set(row.number, keptRow(row, index.upsert(zapfloorCustomerOf(row))));
      if (page.length < BUILD_PAGE) break;
      after = page[page.length - 1]!.number;
      await nextTurn();
    }
    const version = nextVersion();
    return { index, rows, version, journal: new ChangeJournal(version), recentFrom: probedAt - RECENT_MS };
  }
  const last = await lastCustomerChange(ctx.db, tenantId);
  if (last === null || last < state.recentFrom) return state;
  const changed: CustomerChange[] = [];
  for (const row of await customersChangedSince(ctx.db, tenantId, state.recentFrom)) {
    if (state.rows.get(row.number)?.updatedAt === row.updatedAt) continue;
    const before = state.index.get(row.number);
    const indexed = state.index.upsert(zapfloorCustomerOf(row));
    state.rows.set(row.number, keptRow(row, indexed));
    changed.push({ number: indexed.number, before });
  }
  const recentFrom = probedAt - RECENT_MS;
  if (changed.length === 0) return { ...state, recentFrom };
  const version = nextVersion();
  state.journal.record(version, changed);
  return { ...state, recentFrom, version };
}

/**
 * The row as kept beside its indexed customer: its keys that read the same as the index's strings (the number,
 * the normalised name) and its tenant point at one copy instead of the row's own.
 */
function keptRow(row: CustomerRow, indexed: IndexedCustomer): CustomerRow {
  row.tenantId = oneCopy(row.tenantId);
  if (row.numberKey === indexed.number) row.numberKey = indexed.number;
  if (row.nameKey === indexed.normalisedName) row.nameKey = indexed.normalisedName;
  return row;
}
