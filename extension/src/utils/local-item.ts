import { browser } from "#imports";

export interface LocalItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with every new value, from any part of the extension; returns the unwatch. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * One value in `browser.storage.local` under `key`, or `fallback` while none is stored. A few lines instead
 * of a storage library: the content script carries this code on every Exact page.
 */
export function localItem<T>(key: string, fallback: T): LocalItem<T> {
  const orFallback = (value: unknown) => (value === undefined || value === null ? fallback : (value as T));
  return {
    async getValue() {
      return orFallback((await browser.storage.local.get(key))[key]);
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area === "local" && change) callback(orFallback(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
