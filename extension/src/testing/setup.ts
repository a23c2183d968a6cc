// IndexedDB for unit tests (Node has none); a fresh, empty one for every test, as `fakeBrowser.reset()` empties
// `browser.storage`.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach } from "vitest";

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
