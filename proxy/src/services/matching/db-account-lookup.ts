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
}

/**
 * An `AccountLookup` for one customer, backed by the database: the accounts sharing an identifier with the
 * customer are read with indexed queries at the moment of deciding, so a decision never rests on a cached
 * identifier. Names are no SQL key: the few accounts worth scoring by name come from the division's
 * in-memory name index (`mirror-index.ts`) and are then read fresh too.
 */
export async function prefetchAccountsFor(
  ctx: ServiceContext,
  scope: Scope,
  customer: IndexedCustomer,
  alsoIds: readonly string[] = [],
): Promise<PrefetchedAccounts> {
  const { index: names } = await mirrorIndexOf(ctx, scope);
  const namePool = names.findNameLookalikes(customer.name).map((hit) => hit.id);
  const sharing = await mirrorRowsSharingKeys(ctx.db, scope, {
    numberKey: codeMatchKey(customer.number),
    vatKey: customer.vat.canonical,
    companyNumberKey: customer.companyNumber,
  });
  const fetched = new Set(sharing.map((row) => row.id));
  const byId = await mirrorRowsByIds(
    ctx.db,
    scope,
    [...new Set([...namePool, ...alsoIds])].filter((id) => !fetched.has(id)),
  );

  const accounts = new Map<string, MirroredAccount>();
  for (const row of [...sharing, ...byId]) accounts.set(row.id, mirroredAccountOf(row));
  const live = new AccountIndex([...accounts.values()].filter((account) => account.deletedAt === null));
  return {
    accounts,
    get: (accountId) => live.get(accountId),
    findForCustomer: (indexed: IndexedCustomer, options: CodeComparisonOptions): AccountHits =>
      live.findForCustomer(indexed, options),
    // Asked for the customer's own name: the lookalikes picked from the whole division, as read just now.
    findNameLookalikes: () => namePool.flatMap((id) => live.get(id) ?? []),
  };
}
