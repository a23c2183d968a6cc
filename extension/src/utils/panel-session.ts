import { browser } from "#imports";
import type { AccountRef } from "./messaging";
import type { AccountDetail } from "./proxy-types";

/*
 * What the account panel's first paint reads from `storage.session` in one call, without waking the background:
 * its stylesheet, the messages of each language and the state last told for the account. The background writes
 * them and opens the area to content scripts; the area empties when the browser or the extension restarts.
 */

/** The stylesheet WXT builds from the panel's CSS imports (`cssInjectionMode: "ui"` keeps it out of the page). */
const PANEL_STYLESHEET_PATH = "/content-scripts/exact-account.css";
export const PANEL_STYLE_KEY = "panelStyle";
/** Every language's messages, by locale. */
export const PANEL_MESSAGES_KEY = "panelMessages";
/** `accountId` in lower case, as the page's address is read (`host/exact-account-page.ts`). */
export const keptAccountKey = (ref: AccountRef) => `panelKept:${ref.division}:${ref.accountId}`;

/** The proxy's last answer about an account, for the proxy settings' revision it was read with. */
export interface KeptAccount {
  detail: AccountDetail;
  savedAt: number;
  revision: number;
}

/** The panel's stylesheet, read from the extension's own files ("" when it cannot be read). */
export async function readPanelStylesheet(): Promise<string> {
  // WXT types only the files it knows to be public; the entrypoint's stylesheet is made web-accessible too.
  const url = browser.runtime.getURL(PANEL_STYLESHEET_PATH as Parameters<typeof browser.runtime.getURL>[0]);
  return fetch(url).then(
    (response) => response.text(),
    () => "",
  );
}
