import { CustomerIndex, type IndexedCustomer, type ZapfloorCustomer } from "@zapfloor-exact/shared/matching";
import {
  type CustomerRow,
  customersAfter,
  customersChangedSince,
  lastCustomerChange,
} from "../../db/customer-store";
import type { ServiceContext } from "../context";
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
  rows: CustomerRows;
  version: number;
  /** The customers each version changed, each as it was indexed before (none: it was new). */
  journal: ChangeJournal<CustomerChange>;
}

export interface CustomerChange {
  number: string;
  before: IndexedCustomer | undefined;
}

/** Stored customers by number. */
export interface CustomerRows {
  get(number: string): CustomerRow | undefined;
  values(): Iterable<CustomerRow>;
  readonly size: number;
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
    for (let after = ""; ; ) {
      const page = await customersAfter(ctx.db, tenantId, after, BUILD_PAGE);
      for (const row of page) keptCustomer(row, index);
      if (page.length < BUILD_PAGE) break;
      after = page[page.length - 1]!.number;
      await nextTurn();
    }
    const version = nextVersion();
    return {
      index,
      rows: rowsOf(index),
      version,
      journal: new ChangeJournal(version),
      recentFrom: probedAt - RECENT_MS,
    };
  }
  const last = await lastCustomerChange(ctx.db, tenantId);
  if (last === null || last < state.recentFrom) return state;
  const changed: CustomerChange[] = [];
  for (const row of await customersChangedSince(ctx.db, tenantId, state.recentFrom)) {
    if (state.rows.get(row.number)?.updatedAt === row.updatedAt) continue;
    const before = state.index.get(row.number);
    changed.push({ number: keptCustomer(row, state.index).number, before });
  }
  const recentFrom = probedAt - RECENT_MS;
  if (changed.length === 0) return { ...state, recentFrom };
  const version = nextVersion();
  state.journal.record(version, changed);
  return { ...state, recentFrom, version };
}

/**
 * A customer as a tenant's index keeps it: one object that is both the stored row (for showing the customer) and
 * the matching core's `ZapfloorCustomer` (the index holds it as such), with every column in the object itself.
 * A row as read from the database carries most of its columns in a separate property store, and the matching
 * core's view of it would be another object per customer.
 */
class KeptCustomer implements CustomerRow, ZapfloorCustomer {
  tenantId: string;
  number: string;
  numberKey: string | null;
  name: string;
  nameKey: string;
  vatNumber: string | null;
  vatKey: string | null;
  companyNumber: string | null;
  companyNumberKey: string | null;
  email: string | null;
  country: string | null;
  address: Record<string, string> | null;
  createdAt: number;
  updatedAt: number;

  constructor(row: CustomerRow) {
    this.tenantId = oneCopy(row.tenantId);
    this.number = row.number;
    this.numberKey = row.numberKey;
    this.name = row.name;
    this.nameKey = row.nameKey;
    this.vatNumber = row.vatNumber;
    this.vatKey = row.vatKey;
    this.companyNumber = row.companyNumber;
    this.companyNumberKey = row.companyNumberKey;
    this.email = row.email;
    this.country = row.country;
    this.address = row.address;
    this.createdAt = row.createdAt;
    this.updatedAt = row.updatedAt;
  }

  get city(): string | null {
    return this.address?.city ?? null;
  }
  get postcode(): string | null {
    return this.address?.postcode ?? null;
  }
}

/** The rows, read through the index: it holds each kept row as its customer, so no second map by number is kept. */
function rowsOf(index: CustomerIndex): CustomerRows {
  return {
    get: (number) => index.get(number)?.customer as CustomerRow | undefined,
    *values() {
      for (const indexed of index.values()) yield indexed.customer as CustomerRow;
    },
    get size() {
      return index.size;
    },
  };
}

/**
 * Files the row in the index, as kept: its keys that read the same as the index's strings (the number, the
 * normalised name) point at one copy instead of the row's own. Returns the indexed customer.
 */
function keptCustomer(row: CustomerRow, index: CustomerIndex): IndexedCustomer {
  const kept = new KeptCustomer(row);
  const indexed = index.upsert(kept);
  if (kept.numberKey === indexed.number) kept.numberKey = indexed.number;
  if (kept.nameKey === indexed.normalisedName) kept.nameKey = indexed.normalisedName;
  return indexed;
}
