import {
  AccountIndex,
  type AccountSuggestion,
  CustomerIndex,
  codeMatchKey,
  indexAccount,
  indexCustomer,
  normaliseAccountId,
  resolveMatchOptions,
  suggestForAccount,
} from "@zapfloor-exact/shared/matching";
import { type CustomerRow, customersSharingKeysOfEach, readCustomers } from "../../db/customer-store";
import { type LinkRow, linksTouching } from "../../db/link-store";
import { type MirrorRow, mirrorRowsByIds, mirrorRowsSharingAnyKey } from "../../db/mirror-reads";
import type { ServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { ChangeJournal } from "../matching/change-journal";
import { type MirroredAccount, mirroredAccountOf } from "../matching/mirrored-account";
import type { DivisionView } from "./division-view";

type Scope = { tenantId: string; division: number };

/** As `suggestForAccount`: at most this many customers found by an identifier have their own decision. */
const MAX_CUSTOMERS = 20;
const matchOptions = resolveMatchOptions();
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The part of a division's view one account's panel needs, read from the database with index seeks: for when the
 * division's in-memory indexes are still being built (after a start, or after they were evicted), so that no
 * request waits on a full build. It holds the account, the customers sharing an identifier or the exact
 * normalised name with it, the accounts sharing an identifier with those customers or with the account, and
 * every link among them. What it cannot see until the indexes are built: customers and accounts whose name is
 * only similar (not equal), so name-only suggestions and name look-alikes may be missing from such an answer.
 */
export function divisionViewAround(ctx: ServiceContext, scope: Scope, row: MirrorRow): Promise<DivisionView> {
  return divisionViewAroundRows(ctx, scope, [row]);
}

/**
 * One view around each of several accounts together (a page of the overview): what `divisionViewAround` holds for
 * each of them, read with a statement per kind of key for all of them rather than per account. Each account sees
 * at least what its own view would hold, and what the others' bring is part of the division as well.
 */
export async function divisionViewAroundRows(
  ctx: ServiceContext,
  scope: Scope,
  rows: readonly MirrorRow[],
): Promise<DivisionView> {
  const own = rows.map(mirroredAccountOf);
  const ownLinks = await linksTouching(ctx.db, scope, {
    customerNumbers: [],
    exactIds: own.map((a) => a.id),
  });
  const sharingOfEach = await customersSharingKeysOfEach(
    ctx.db,
    scope.tenantId,
    rows.map((row, i) => {
      const indexed = indexAccount(own[i]!);
      return {
        numberKeys: [row.codeKey, row.searchCodeKey].filter((key): key is string => Boolean(key)),
        vatKeys: row.vatKey ? [row.vatKey] : [],
        companyNumberKeys: [...indexed.companyNumbers],
        nameKey: indexed.normalisedName || undefined,
      };
    }),
  );
  const customerRows = new Map<string, CustomerRow>();
  for (const sharing of sharingOfEach) {
    for (const customer of sharing.slice(0, MAX_CUSTOMERS)) customerRows.set(customer.number, customer);
  }
  const linkedNumbers = ownLinks.map((link) => link.customerNumber).filter((n) => !customerRows.has(n));
  if (linkedNumbers.length > 0) {
    for (const customer of await readCustomers(ctx.db, scope.tenantId, linkedNumbers))
      customerRows.set(customer.number, customer);
  }

  const accounts = new Map<string, MirroredAccount>(own.map((account) => [account.id, account]));
  const add = (found: MirrorRow[]) => {
    for (const row of found) if (!accounts.has(row.id)) accounts.set(row.id, mirroredAccountOf(row));
  };
  const customerKeys = [...customerRows.values()].map((customer) => {
    const keyed = indexCustomer(zapfloorCustomerOf(customer));
    const numberKey = codeMatchKey(keyed.number);
    return {
      ...(numberKey ? { numberKey } : {}),
      ...(keyed.vat.canonical ? { vatKey: keyed.vat.canonical } : {}),
      ...(keyed.companyNumber ? { companyNumberKey: keyed.companyNumber } : {}),
    };
  });
  add(
    await mirrorRowsSharingAnyKey(ctx.db, scope, [
      ...rows.map((row) => ({
        ...(row.vatKey ? { vatKey: row.vatKey } : {}),
        ...(row.companyNumberKey ? { companyNumberKey: row.companyNumberKey } : {}),
      })),
      ...customerKeys,
    ]),
  );
  const linkRows = await linksTouching(ctx.db, scope, {
    customerNumbers: [...customerRows.keys()],
    exactIds: [...accounts.keys()],
  });
  // Accounts the customers are linked to elsewhere: a decision checks them.
  add(
    await mirrorRowsByIds(
      ctx.db,
      scope,
      linkRows.map((link) => link.exactId).filter((id) => !accounts.has(id)),
    ),
  );

  const byCustomer = new Map<string, LinkRow>();
  const byAccount = new Map<string, LinkRow>();
  for (const link of linkRows) {
    byCustomer.set(link.customerNumber, link);
    byAccount.set(link.exactId, link);
  }
  // In the order the division's own indexes read them: accounts by id, customers by number.
  const accountIndex = new AccountIndex(
    [...accounts.values()].filter((found) => found.deletedAt === null).sort((a, b) => compare(a.id, b.id)),
  );
  const customerIndex = new CustomerIndex(
    [...customerRows.values()].sort((a, b) => compare(a.number, b.number)).map(zapfloorCustomerOf),
  );
  const lookup = {
    byCustomer: (customerNumber: string) => byCustomer.get(customerNumber.trim())?.exactId,
    byAccount: (accountId: string) => byAccount.get(normaliseAccountId(accountId))?.customerNumber,
  };
  const suggestions = new Map<string, AccountSuggestion>();
  return {
    accounts: { index: accountIndex, version: 0, journal: new ChangeJournal(0) },
    customers: { index: customerIndex, rows: customerRows, version: 0, journal: new ChangeJournal(0) },
    links: { byCustomer, byAccount, lookup, version: 0, journal: new ChangeJournal(0) },
    listing: () => Promise.reject(new Error("a view around one account has no listing")),
    counts: () => Promise.reject(new Error("a view around one account has no counts")),
    countsIfReady: () => null,
    keptStates: () => undefined,
    suggestionFor(wanted) {
      let suggestion = suggestions.get(wanted.id);
      if (!suggestion) {
        suggestion = suggestForAccount(wanted, customerIndex, accountIndex, lookup, matchOptions);
        suggestions.set(wanted.id, suggestion);
      }
      return suggestion;
    },
  };
}
