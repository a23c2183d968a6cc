import { browser } from "#imports";
import type { LocalItem } from "./local-item";

const DATABASE = "zapfloor-link";
const STORE = "items";

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const database = await openStore();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/**
 * One value only the extension's own pages and its background can read: content scripts may read
 * `browser.storage.local` (and `sync`), but run in the web page's origin, not the extension's, so the extension's
 * IndexedDB is out of their reach. A counter in `storage.local`, which holds nothing secret, tells watchers
 * anywhere that the value changed. A value an earlier version kept in `storage.local` under `key` is moved
 * here when next read, replacing what was here.
 */
export function extensionOnlyItem<T>(key: string, fallback: T): LocalItem<T> {
  const revision = `${key}Revision`;
  const orFallback = (value: unknown) => (value === undefined || value === null ? fallback : (value as T));
  const bumpRevision = async () => {
    const current = Number((await browser.storage.local.get(revision))[revision] ?? 0);
    await browser.storage.local.set({ [revision]: current + 1 });
  };
  const item: LocalItem<T> = {
    async getValue() {
      for (;;) {
        const legacy = (await browser.storage.local.get(key))[key];
        if (legacy === undefined || legacy === null) break;
        await inStore("readwrite", (store) => store.put(legacy, key));
        // A newer value written there meanwhile must be the one moved, not removed unseen.
        const now = (await browser.storage.local.get(key))[key];
        if (JSON.stringify(now) !== JSON.stringify(legacy)) continue;
        await browser.storage.local.remove(key);
        return orFallback(legacy);
      }
      return orFallback(await inStore("readonly", (store) => store.get(key)));
    },
    async setValue(value) {
      await inStore("readwrite", (store) => store.put(value, key));
      await browser.storage.local.remove(key);
      await bumpRevision();
    },
    watch(callback) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === "local" && changes[revision]) void item.getValue().then(callback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
  return item;
}
