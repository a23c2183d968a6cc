import { expect, type Page } from "@playwright/test";

/** Opens the extension's options page in the given tab. */
export async function openOptionsPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole("heading", { name: "zapfloor link for Exact Online" })).toBeVisible();
}

/** Saves the proxy URL and token through the options page, as a person would. */
export async function saveProxySettings(
  page: Page,
  extensionId: string,
  settings: { url: string; token: string },
): Promise<void> {
  await openOptionsPage(page, extensionId);
  await page.getByLabel("Proxy URL").fill(settings.url);
  await page.getByLabel("Bookkeeper token").fill(settings.token);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}
