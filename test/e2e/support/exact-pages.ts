import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { hostPagesDir } from "./paths";

/** The fictional account the saved host pages show (see the comment atop each fixture). */
export const FIXTURE_ACCOUNT = {
  division: 123456,
  accountId: "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42",
  code: "1042",
  name: "Acme Coworking NV",
} as const;

/** Saved Exact pages by path; every other path on the host answers 404. */
const SAVED_PAGES: Record<string, string> = {
  "/docs/CRMAccountCard.aspx": "crm-account-card.html",
  "/docs/CRMAccount.aspx": "crm-account.html",
  "/docs/MenuPortal.aspx": "menu-portal.html",
};

export type AccountIdForm = "%7b…%7d" | "{…}";

/** An account page URL as Exact writes it, with the AccountID in either brace form. */
export function accountPageUrl(
  host: string,
  page: "CRMAccountCard.aspx" | "CRMAccount.aspx",
  form: AccountIdForm,
  account: { division: number; accountId: string } = FIXTURE_ACCOUNT,
): string {
  const accountId = form === "{…}" ? `{${account.accountId}}` : `%7b${account.accountId}%7d`;
  return `https://${host}/docs/${page}?_Division_=${account.division}&AccountID=${accountId}`;
}

export interface SavedPageOptions {
  /** The account the portal's frame opens, instead of the fixture's. */
  frameAccount?: { division: number; accountId: string };
  /** The page's `<html lang>`, instead of the fixture's `en`. */
  lang?: string;
}

/**
 * Answers every request the tab makes to this Exact host from the saved pages, so the content
 * script runs on the real URL pattern without reaching Exact.
 */
export async function serveSavedExactPages(
  page: Page,
  host: string,
  options: SavedPageOptions = {},
): Promise<void> {
  await page.route(`https://${host}/**`, (route) => {
    const saved = SAVED_PAGES[new URL(route.request().url()).pathname];
    if (saved === undefined) {
      return route.fulfill({ status: 404, contentType: "text/plain", body: "not a saved Exact page" });
    }
    let html = readFileSync(path.join(hostPagesDir, saved), "utf8");
    if (options.lang) html = html.replace('<html lang="en">', `<html lang="${options.lang}">`);
    const { frameAccount } = options;
    if (frameAccount) {
      html = html
        .replaceAll(FIXTURE_ACCOUNT.accountId, frameAccount.accountId)
        .replaceAll(`_Division_=${FIXTURE_ACCOUNT.division}`, `_Division_=${frameAccount.division}`);
    }
    return route.fulfill({ body: html, contentType: "text/html; charset=utf-8" });
  });
}
