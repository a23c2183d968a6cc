import { firstIndexWhere } from "../../util/binary-search";
import { sqlServerGuidSortKey } from "../../util/guid";
import type { AccountRecord } from "./account-record";

export interface DeletedRecord {
  /** Key of the deletion record itself. */
  ID: string;
  /** Key of the deleted record. */
  EntityKey: string;
  /** 2 = Accounts [exact-online-api.md §4, S9 DeletedEntityType.cs]. */
  EntityType: number;
  Division: number;
  Timestamp: number;
  DeletedDate: number;
  DeletedBy: string | null;
  DeletedByFullName: string | null;
}

/**
 * The accounts of one division with the indexes the endpoints need: by ID, by padded Code, in key (GUID) order for
 * regular/bulk paging, and in Timestamp order for sync. Only the division's account service mutates it.
 */
export class AccountStore {
  readonly #byId = new Map<string, AccountRecord>();
  readonly #idByCode = new Map<string, string>();
  #byKey: AccountRecord[] | undefined;
  /**
   * Append-only log of (Timestamp, record) in two parallel arrays; an entry is stale once its record changed
   * again or was deleted.
   */
  #logTimestamps: number[] = [];
  #logAccounts: AccountRecord[] = [];
  #byTimestamp: AccountRecord[] | undefined;
  readonly deleted: DeletedRecord[] = [];

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): AccountRecord | undefined {
    return this.#byId.get(id.toLowerCase());
  }

  idForCode(paddedCode: string): string | undefined {
    return this.#idByCode.get(paddedCode);
  }

  values(): IterableIterator<AccountRecord> {
    return this.#byId.values();
  }

  /** All accounts in SQL Server GUID order (Exact's default order of key-paged results). */
  byKey(): readonly AccountRecord[] {
    if (!this.#byKey) {
      const keyed = [...this.#byId.values()].map((a) => ({ key: sqlServerGuidSortKey(a.ID), a }));
      keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      this.#byKey = keyed.map((k) => k.a);
    }
    return this.#byKey;
  }

  /** All accounts by ascending Timestamp (sync order). */
  byTimestamp(): readonly AccountRecord[] {
    if (!this.#byTimestamp) {
      const timestamps: number[] = [];
      const accounts: AccountRecord[] = [];
      for (let i = 0; i < this.#logAccounts.length; i++) {
        const account = this.#logAccounts[i]!;
        if (this.#byId.get(account.ID) === account && account.Timestamp === this.#logTimestamps[i]) {
          timestamps.push(account.Timestamp);
          accounts.push(account);
        }
      }
      this.#logTimestamps = timestamps;
      this.#logAccounts = accounts;
      this.#byTimestamp = accounts.slice();
    }
    return this.#byTimestamp;
  }

  /** Stores a new or replaced record; the caller has assigned a fresh Timestamp. */
  put(account: AccountRecord): void {
    const previous = this.#byId.get(account.ID);
    if (previous && previous.Code !== account.Code) this.#idByCode.delete(previous.Code);
    this.#byId.set(account.ID, account);
    this.#idByCode.set(account.Code, account.ID);
    if (this.#byKey) {
      if (previous) this.#byKey[indexOfId(this.#byKey, account.ID)] = account;
      else this.#byKey.splice(insertionPoint(this.#byKey, account.ID), 0, account);
    }
    this.#appendToTimestampLog(account);
  }

  remove(id: string, deleted: DeletedRecord): AccountRecord | undefined {
    const account = this.#byId.get(id);
    if (!account) return undefined;
    this.#byId.delete(id);
    this.#idByCode.delete(account.Code);
    if (this.#byKey) this.#byKey.splice(indexOfId(this.#byKey, id), 1);
    this.#byTimestamp = undefined;
    this.deleted.push(deleted);
    return account;
  }

  /** Loads many records at once (seeding); keeps Timestamp order if the input is ordered by Timestamp. */
  load(accounts: readonly AccountRecord[]): void {
    for (const account of accounts) {
      this.#byId.set(account.ID, account);
      this.#idByCode.set(account.Code, account.ID);
    }
    this.#byKey = undefined;
    this.#rebuildTimestampLog();
  }

  clear(): void {
    this.#byId.clear();
    this.#idByCode.clear();
    this.#byKey = undefined;
    this.#logTimestamps = [];
    this.#logAccounts = [];
    this.#byTimestamp = undefined;
    this.deleted.length = 0;
  }

  #rebuildTimestampLog() {
    const accounts = [...this.#byId.values()];
    let sorted = true;
    for (let i = 1; i < accounts.length && sorted; i++)
      sorted = accounts[i - 1]!.Timestamp <= accounts[i]!.Timestamp;
    if (!sorted) accounts.sort((a, b) => a.Timestamp - b.Timestamp);
    this.#logAccounts = accounts;
    this.#logTimestamps = accounts.map((a) => a.Timestamp);
    this.#byTimestamp = undefined;
  }

  #appendToTimestampLog(account: AccountRecord) {
    const last = this.#logTimestamps.at(-1);
    if (last !== undefined && last > account.Timestamp) {
      this.#rebuildTimestampLog();
      return;
    }
    this.#logTimestamps.push(account.Timestamp);
    this.#logAccounts.push(account);
    this.#byTimestamp = undefined;
  }
}

/** Where an ID belongs in GUID order (kept sorted without re-sorting 100,000 rows per insert). */
function insertionPoint(rows: readonly AccountRecord[], id: string): number {
  const key = sqlServerGuidSortKey(id);
  return firstIndexWhere(rows.length, (i) => sqlServerGuidSortKey(rows[i]!.ID) > key);
}

function indexOfId(rows: readonly AccountRecord[], id: string): number {
  const key = sqlServerGuidSortKey(id);
  return firstIndexWhere(rows.length, (i) => sqlServerGuidSortKey(rows[i]!.ID) >= key);
}
