import { compareGuids, sqlServerGuidSortKey } from "../../util/guid";
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

export type AccountChange =
  | { kind: "upsert"; account: AccountRecord; created: boolean }
  | { kind: "delete"; account: AccountRecord };

/**
 * The accounts of one division with the indexes the endpoints need: by ID, by padded Code, in key (GUID) order for
 * regular/bulk paging, and in Timestamp order for sync. Only the division's account service mutates it.
 */
export class AccountStore {
  readonly #byId = new Map<string, AccountRecord>();
  readonly #idByCode = new Map<string, string>();
  #byKey: AccountRecord[] | undefined;
  /** Append-only (Timestamp, record) log; entries whose record changed again or was deleted are stale. */
  #timestampLog: { timestamp: number; account: AccountRecord }[] = [];
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
      const live = this.#timestampLog.filter(
        (e) => this.#byId.get(e.account.ID) === e.account && e.account.Timestamp === e.timestamp,
      );
      this.#timestampLog = live;
      this.#byTimestamp = live.map((e) => e.account);
    }
    return this.#byTimestamp;
  }

  /** Stores a new or replaced record; the caller has assigned a fresh Timestamp. */
  put(account: AccountRecord): void {
    const previous = this.#byId.get(account.ID);
    if (previous && previous.Code !== account.Code) this.#idByCode.delete(previous.Code);
    this.#byId.set(account.ID, account);
    this.#idByCode.set(account.Code, account.ID);
    if (!previous) this.#byKey = undefined;
    else if (this.#byKey) {
      const index = binarySearchById(this.#byKey, account.ID);
      if (index >= 0) this.#byKey[index] = account;
    }
    this.#appendToTimestampLog(account);
  }

  remove(id: string, deleted: DeletedRecord): AccountRecord | undefined {
    const account = this.#byId.get(id);
    if (!account) return undefined;
    this.#byId.delete(id);
    this.#idByCode.delete(account.Code);
    this.#byKey = undefined;
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
    this.#timestampLog = [];
    this.#byTimestamp = undefined;
    this.deleted.length = 0;
  }

  #rebuildTimestampLog() {
    this.#timestampLog = [...this.#byId.values()]
      .sort((a, b) => a.Timestamp - b.Timestamp)
      .map((account) => ({ timestamp: account.Timestamp, account }));
    this.#byTimestamp = undefined;
  }

  #appendToTimestampLog(account: AccountRecord) {
    const last = this.#timestampLog.at(-1);
    if (last && last.timestamp > account.Timestamp) {
      this.#rebuildTimestampLog();
      return;
    }
    this.#timestampLog.push({ timestamp: account.Timestamp, account });
    this.#byTimestamp = undefined;
  }
}

function binarySearchById(rows: readonly AccountRecord[], id: string): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const cmp = compareGuids(rows[mid]!.ID, id);
    if (cmp === 0) return mid;
    if (cmp < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
