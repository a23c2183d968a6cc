import type { DivisionApi, PageInfo } from "../client";
import { guid, int64, literal } from "../odata";
import {
  accountFields,
  type DeletedRecord,
  deletedRecord,
  exactAccount,
  type SyncedAccount,
  syncedAccount,
} from "../schemas";

type OnPage<T> = (rows: T[], info: PageInfo) => void | Promise<void>;

/** Exact's EntityType for accounts in `sync/Deleted`. [exact-online-api.md §4, S9 DeletedEntityType.cs] */
const DELETED_ACCOUNTS = 2;

/** New and changed accounts after a Timestamp (a row version, not a clock), 1000 per page. [§4, S9] */
export function accountsChangedSince(api: DivisionApi, timestamp: string, onPage?: OnPage<SyncedAccount>) {
  return api.list(
    "sync/CRM/Accounts",
    { select: [...accountFields, "Timestamp"], filter: `Timestamp gt ${int64(timestamp)}` },
    syncedAccount,
    onPage,
  );
}

/** Accounts deleted after a Timestamp: the sync endpoint never shows deletions. [§4] */
export function accountsDeletedSince(api: DivisionApi, timestamp: string, onPage?: OnPage<DeletedRecord>) {
  return api.list(
    "sync/Deleted",
    {
      select: ["EntityKey", "EntityType", "Timestamp"],
      filter: `Timestamp gt ${int64(timestamp)} and EntityType eq ${DELETED_ACCOUNTS}`,
    },
    deletedRecord,
    onPage,
  );
}

/** The number of accounts in the division: one call, for progress displays. */
export function countAccounts(api: DivisionApi) {
  return api.count("crm/Accounts", { select: ["ID"] });
}

/** One account by its ID, undefined when Exact no longer has it (a 200 with no row, never a 404). */
export function getAccount(api: DivisionApi, id: string) {
  return api.findOne("crm/Accounts", { select: accountFields, filter: `ID eq ${guid(id)}` }, exactAccount);
}

/** Accounts whose SearchCode is exactly `searchCode` (how a created customer is found again). */
export function accountsWithSearchCode(api: DivisionApi, searchCode: string) {
  return api.list(
    "crm/Accounts",
    { select: accountFields, filter: `SearchCode eq ${literal(searchCode)}` },
    exactAccount,
  );
}

export interface NewCustomer {
  Name: string;
  SearchCode: string;
  Status: "C";
  IsSales: true;
  VATNumber?: string;
  ChamberOfCommerce?: string;
  Email?: string;
  Country?: string;
  AddressLine1?: string;
  AddressLine2?: string;
  Postcode?: string;
  City?: string;
}

/** POST a new customer; Exact assigns `Code`. Never include `Code` yourself. [§3, I-picqer-416] */
export function createCustomerAccount(api: DivisionApi, customer: NewCustomer) {
  return api.create("crm/Accounts", customer, exactAccount);
}

/** Makes a prospect, suspect or plain relation a customer (Status C, allowed for sales). */
export function promoteToCustomer(api: DivisionApi, id: string, also: { SearchCode?: string } = {}) {
  return api.update(`crm/Accounts(${guid(id)})`, { Status: "C", IsSales: true, ...also });
}

/** Fields a fix from the panel may change on an existing account; never `Code` (a PUT with it fails). [§3, I-picqer-416] */
export interface AccountFieldChanges {
  VATNumber?: string;
  ChamberOfCommerce?: string;
  SearchCode?: string;
}

/** PUT only the fields to change: Exact leaves every property not sent as it was, and answers 204. [§2, §3] */
export function updateAccountFields(api: DivisionApi, id: string, changes: AccountFieldChanges) {
  return api.update(`crm/Accounts(${guid(id)})`, changes);
}
