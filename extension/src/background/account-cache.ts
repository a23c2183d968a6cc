import type { AccountRef } from "../utils/messaging";
import type { AccountDetail } from "../utils/proxy-types";

/** An account as the proxy last described it, and when. */
export interface CachedAccount {
  detail: AccountDetail;
  savedAt: number;
}

/**
 * The last answer for each account the panel showed, so that it can paint that at once and check it again.
 * Each answer belongs to the proxy settings it was read with (their revision): after new settings, perhaps
 * another tenant's token, nothing read before is shown.
 */
export interface AccountCache {
  get(ref: AccountRef, revision: number): Promise<CachedAccount | null>;
  put(ref: AccountRef, revision: number, detail: AccountDetail): Promise<void>;
}

interface Entry extends CachedAccount {
  revision: number;
}

const DATABASE = "zapfloor-link-accounts";
const STORE = "accounts";
/** Accounts kept; the least recently read go first. */
export const MAX_CACHED_ACCOUNTS = 500;

const keyOf = (ref: AccountRef) => `${ref.division}:${ref.accountId.toLowerCase()}`;

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE).createIndex("savedAt", "savedAt");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * In the extension's own IndexedDB, which content scripts cannot read (they run in the web page's origin): the
 * answers name zapfloor customers, so they stay out of `storage.local`. The panel asks the background for them.
 */
export function indexedDbAccountCache(max = MAX_CACHED_ACCOUNTS): AccountCache {
  let database: Promise<IDBDatabase> | undefined;
  const store = async (mode: IDBTransactionMode) => {
    database ??= openDatabase().then(
      (opened) => {
        // Kept open between reads; closed when something wants it gone (such as clearing the extension's data).
        opened.onversionchange = () => {
          opened.close();
          database = undefined;
        };
        return opened;
      },
      (error: unknown) => {
        database = undefined;
        throw error;
      },
    );
    const transaction = (await database).transaction(STORE, mode);
    return { transaction, store: transaction.objectStore(STORE) };
  };
  return {
    async get(ref, revision) {
      const { store: accounts } = await store("readonly");
      const entry = await new Promise<Entry | undefined>((resolve, reject) => {
        const request = accounts.get(keyOf(ref));
        request.onsuccess = () => resolve(request.result as Entry | undefined);
        request.onerror = () => reject(request.error);
      });
      return entry && entry.revision === revision ? { detail: entry.detail, savedAt: entry.savedAt } : null;
    },
    async put(ref, revision, detail) {
      const { transaction, store: accounts } = await store("readwrite");
      const entry: Entry = { detail, savedAt: Date.now(), revision };
      accounts.put(entry, keyOf(ref));
      const count = accounts.count();
      count.onsuccess = () => {
        let surplus = count.result - max;
        if (surplus <= 0) return;
        const oldest = accounts.index("savedAt").openCursor();
        oldest.onsuccess = () => {
          const cursor = oldest.result;
          if (!cursor || surplus-- <= 0) return;
          cursor.delete();
          cursor.continue();
        };
      };
      await done(transaction);
    },
  };
}
