import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, test as base, type Page, type Worker } from "@playwright/test";
import { extensionWorker, launchExtensionBrowser } from "./extension-browser";
import { type E2eStack, e2eStack } from "./stack";
import { connectedTenant, type E2eTenant } from "./tenant";

export interface ExtensionWorkerFixtures {
  /** Debian's Chromium with the built extension loaded; one per worker, pages are per test. */
  extensionContext: BrowserContext;
  backgroundWorker: Worker;
  extensionId: string;
  stack: E2eStack;
  /** A tenant of this worker, connected to the simulator, with the e2e division mirrored. */
  tenant: E2eTenant;
}

export interface ExtensionTestFixtures {
  /** A fresh tab in the extension's browser, closed after the test. */
  page: Page;
  /** Attaches what the proxy logged during a failed test. */
  proxyLogOnFailure: undefined;
}

export const test = base.extend<ExtensionTestFixtures, ExtensionWorkerFixtures>({
  stack: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => use(e2eStack()),
    { scope: "worker" },
  ],

  tenant: [
    async ({ stack }, use, workerInfo) =>
      use(await connectedTenant(stack, `e2e worker ${workerInfo.workerIndex}`)),
    { scope: "worker" },
  ],

  extensionContext: [
    // biome-ignore lint/correctness/noEmptyPattern: as above.
    async ({}, use) => {
      const userDataDir = mkdtempSync(path.join(tmpdir(), "zfx-e2e-chromium-"));
      const context = await launchExtensionBrowser(userDataDir);
      await use(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    { scope: "worker" },
  ],

  backgroundWorker: [
    async ({ extensionContext }, use) => use(await extensionWorker(extensionContext)),
    { scope: "worker" },
  ],

  extensionId: [
    async ({ backgroundWorker }, use) => use(new URL(backgroundWorker.url()).host),
    { scope: "worker" },
  ],

  page: async ({ extensionContext }, use) => {
    const page = await extensionContext.newPage();
    await use(page);
    await page.close();
  },

  proxyLogOnFailure: [
    async ({ stack }, use, testInfo) => {
      const logged = () => readFileSync(stack.proxyLogFile, "utf8");
      const before = logged().length;
      await use(undefined);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach("proxy.log", { body: logged().slice(before), contentType: "text/plain" });
      }
    },
    { auto: true },
  ],
});

export const expect = test.expect;

/** The one extension API the specs call directly, inside the background worker. */
declare const chrome: {
  storage: {
    local: {
      clear(): Promise<void>;
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    session: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

/** Forgets everything the extension stored (proxy settings, panel state, kept answers), as on a fresh install. */
export async function clearExtensionStorage(backgroundWorker: Worker): Promise<void> {
  await backgroundWorker.evaluate(async () => {
    await chrome.storage.local.clear();
    // The copies of the kept answers the panel reads as a page starts; a fresh install has none.
    const session = await chrome.storage.session.get(null);
    await chrome.storage.session.remove(Object.keys(session).filter((key) => key.startsWith("panelKept")));
    // The proxy settings (with the bookkeeper token) and the panel's kept answers live in the extension's IndexedDB.
    for (const name of ["zapfloor-link", "zapfloor-link-accounts"]) {
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined);
      });
    }
  });
}

/** Everything a content script could read of the extension's storage (`storage.local` and `storage.session`), as text. */
export async function contentScriptReadableStorage(backgroundWorker: Worker): Promise<string> {
  return JSON.stringify(
    await backgroundWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      // Opened to content scripts by the background, for the panel's first paint.
      session: await chrome.storage.session.get(null),
    })),
  );
}

/**
 * Stores what the options page would (see extension/src/utils/storage.ts), without going through it:
 * for specs about something else. The options specs go through the page itself.
 */
export async function storeExtensionSettings(
  backgroundWorker: Worker,
  settings: {
    proxy?: { url: string; token: string };
    panelCollapsed?: boolean;
    language?: "auto" | "en" | "nl" | "fr";
  },
): Promise<void> {
  const items: Record<string, unknown> = {};
  if (settings.panelCollapsed !== undefined) items.panelCollapsed = settings.panelCollapsed;
  if (settings.language) items.languagePreference = settings.language;
  await backgroundWorker.evaluate(
    async ({ items, proxy }) => {
      if (proxy) {
        // Where the extension keeps them (its IndexedDB, out of content scripts' reach); the revision in
        // storage.local tells open panels to read them again, as saving them on the options page does.
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open("zapfloor-link", 1);
          request.onupgradeneeded = () => request.result.createObjectStore("items");
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const transaction = database.transaction("items", "readwrite");
          transaction.objectStore("items").put(proxy, "proxySettings");
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });
        database.close();
        const { proxySettingsRevision } = await chrome.storage.local.get("proxySettingsRevision");
        items.proxySettingsRevision = Number(proxySettingsRevision ?? 0) + 1;
      }
      await chrome.storage.local.set(items);
    },
    { items, proxy: settings.proxy },
  );
}

/** The extension set up for the worker's tenant, in English, with the panel open: where most specs start. */
export async function useTenantProxy(
  backgroundWorker: Worker,
  stack: E2eStack,
  tenant: E2eTenant,
): Promise<void> {
  await storeExtensionSettings(backgroundWorker, {
    proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
    panelCollapsed: false,
    language: "en",
  });
}
