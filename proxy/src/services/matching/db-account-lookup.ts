import {
  type AccountHits,
  AccountIndex,
  type AccountLookup,
  type CodeComparisonOptions,
  codeMatchKey,
  type IndexedCustomer,
} from "@zapfloor-exact/shared/matching";
import { mirrorRowsByIds, mirrorRowsSharingKeys } from "../../db/mirror-reads";
import type { ServiceContext } from "../context";
import { mirrorIndexOf } from "./mirror-index";
import { type MirroredAccount, mirroredAccountOf } from "./mirrored-account";

type Scope = { tenantId: string; division: number };

export interface PrefetchedAccounts extends AccountLookup {
  /** Every account fetched, deleted ones included (a stale link may point at one). */
  accounts: Map<string, MirroredAccount>;
  /** The decision asked for name look-alikes, which were not fetched: fetch them and decide again. */
  readonly namesWanted: boolean;
}

/**
 * An `AccountLookup` for one customer, backed by the database: the accounts sharing an identifier with the
 * customer are read with indexed queries at the moment of deciding, so a decision never rests on a cached
 * identifier. Names are no SQL key: with `withNames`, the few accounts worth scoring by name come from the
 * division's in-memory name index (`mirror-index.ts`) and are then read fresh too. Without it, a decision
 * that needs them says so (`namesWanted`); most decisions (linked, match) never do.
 */
export async function prefetchAccountsFor(
  ctx: ServiceContext,
  scope: Scope,
  customer: IndexedCustomer,
  options: { alsoIds?: readonly string[]; withNames: boolean },
): Promise<PrefetchedAccounts> {
  const namePool = options.withNames
    ? (await mirrorIndexOf(ctx, scope)).index.findNameLookalikes(customer.normalisedName).map((hit) => hit.id)
    : [];
  const sharing = await mirrorRowsSharingKeys(ctx.db, scope, {
    numberKey: codeMatchKey(customer.number),
    vatKey: customer.vat.canonical,
    companyNumberKey: customer.companyNumber,
  });
  const fetched = new Set(sharing.map((row) => row.id));
  const byId = await mirrorRowsByIds(
    ctx.db,
    scope,
    [...new Set([...namePool, ...(options.alsoIds ?? [])])].filter((id) => !fetched.has(id)),
  );

  const accounts = new Map<string, MirroredAccount>();
  for (const row of [...sharing, ...byId]) accounts.set(row.id, mirroredAccountOf(row));
  const live = new AccountIndex([...accounts.values()].filter((account) => account.deletedAt === null));
  let namesWanted = false;
  return {
    accounts,
    get namesWanted() {
      return namesWanted;
    },
    get: (accountId) => live.get(accountId),
    findForCustomer: (indexed: IndexedCustomer, comparison: CodeComparisonOptions): AccountHits =>
      live.findForCustomer(indexed, comparison),
    // Asked for the customer's own name: the look-alikes picked from the whole division, as read just now.
    findNameLookalikes: () => {
      if (!options.withNames) namesWanted = true;
      return namePool.flatMap((id) => live.get(id) ?? []);
    },
  };
}
