import { type BrowserContext, chromium, type Worker } from "@playwright/test";
import { builtExtensionDir } from "./paths";

/** Debian's Chromium, headless, with the built extension loaded unpacked. */
export function launchExtensionBrowser(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--disable-extensions-except=${builtExtensionDir}`,
      `--load-extension=${builtExtensionDir}`,
    ],
  });
}

/** The extension's background service worker, once Chromium has started it. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ??
    (await context.waitForEvent("serviceworker", (w) => w.url().startsWith("chrome-extension://")))
  );
}
