import type { Locator, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  insertExactAccount,
  linkViaApi,
  mirrorChanges,
  putCustomer,
  uniqueNumber,
} from "./support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { expect, test, useTenantProxy } from "./support/extension-fixtures";
import { openOptionsPage } from "./support/options-page";
import { accountPanel, panelToggle } from "./support/panel";

const HOST = "start.exactonline.nl";
/** The panel's shadow host: axe looks into it, and not at the saved Exact page around it. */
const PANEL_HOST = "zapfloor-exact-panel";

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element.matches(":focus"))) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test.describe("accessibility and the keyboard", () => {
  test.beforeEach(async ({ backgroundWorker, stack, tenant }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
  });

  test("the panel passes axe, and links and unlinks by keyboard alone", async ({ page, stack, tenant }) => {
    const number = uniqueNumber();
    const account = await insertExactAccount(stack, { Name: `Toetsenbord ${number} BV`, Code: number });
    await putCustomer(stack, tenant, number, { name: `Toetsenbord ${number}`, country: "NL" });
    await mirrorChanges(stack, tenant);
    await serveSavedExactPages(page, HOST);
    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: account.id,
      }),
    );
    const panel = accountPanel(page);
    const link = panel.getByRole("button", { name: `Link ${number}` });
    await expect(link).toBeVisible();
    await expectNoAxeViolations(page, PANEL_HOST);

    // From the top of the page, Tab alone reaches the candidate's Link button.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await expect(panel.getByTestId("linked-number")).toHaveText(number);
    const unlink = panel.getByRole("button", { name: "Unlink", exact: true });
    await expect(unlink).toBeFocused();
    await expectNoAxeViolations(page, PANEL_HOST);

    // The confirmation is a modal dialog with Cancel in focus; Escape closes it and gives focus back.
    await page.keyboard.press("Enter");
    const question = panel.getByRole("dialog", {
      name: `Unlink zapfloor customer ${number} from this Exact account?`,
    });
    await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoAxeViolations(page, PANEL_HOST);
    await page.keyboard.press("Escape");
    await expect(question).toBeHidden();
    await expect(unlink).toBeFocused();
    await expect(panel.getByTestId("linked-number")).toHaveText(number);

    await page.keyboard.press("Enter");
    await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(question.getByRole("button", { name: "Yes, unlink" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(panel.getByText("Not linked to a zapfloor customer.")).toBeFocused();

    // Escape folds the panel and leaves focus on its header, where Enter opens it again.
    await page.keyboard.press("Escape");
    await expect(panelToggle(panel)).toBeFocused();
    await expect(panelToggle(panel)).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Enter");
    await expect(panelToggle(panel)).toHaveAttribute("aria-expanded", "true");
  });

  test("the overview passes axe; its tabs follow the arrow keys and its dialog is modal", async ({
    page,
    extensionId,
    stack,
    tenant,
  }) => {
    const tag = uniqueNumber();
    const linkedNumber = uniqueNumber();
    const linked = await insertExactAccount(stack, {
      Name: `Toegang ${tag} Gekoppeld BV`,
      Code: linkedNumber,
    });
    await putCustomer(stack, tenant, linkedNumber, { name: `Toegang ${tag} Gekoppeld`, country: "NL" });
    const loose = await insertExactAccount(stack, { Name: `Toegang ${tag} Los BV` });
    await mirrorChanges(stack, tenant);
    await linkViaApi(stack, tenant, linked.id, linkedNumber);

    await page.goto(`chrome-extension://${extensionId}/overview.html?division=${tenant.division}`);
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(`Toegang ${tag}`);
    const list = page.getByRole("list", { name: "Exact Accounts Overview" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expectNoAxeViolations(page);

    const all = page.getByRole("tab", { name: "All" });
    await all.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: /^Linked(\s|$)/ })).toBeFocused();
    await expect(page.getByRole("tab", { name: /^Linked(\s|$)/ })).toHaveAttribute("aria-selected", "true");
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await page.keyboard.press("Home");
    const attention = page.getByRole("tab", { name: "Needs attention" });
    await expect(attention).toBeFocused();
    await expect(page.getByRole("tabpanel", { name: "Needs attention" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press("ArrowRight");
    await expect(all).toHaveAttribute("aria-selected", "true");

    const opener = list.getByRole("button", { name: `Link… Toegang ${tag} Los BV` });
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Link Toegang ${tag} Los BV` });
    await expect(dialog.getByRole("searchbox", { name: "Search zapfloor customers" })).toBeFocused();
    await expectNoAxeViolations(page);
    // Modal: Tab never reaches the page behind, whose buttons cannot even be focused by script.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const outside = await page.evaluate(() => {
        const active = document.activeElement;
        return active !== null && active !== document.body && active.closest("dialog") === null;
      });
      expect(outside).toBe(false);
    }
    expect(
      await opener.evaluate((button: HTMLElement) => {
        button.focus();
        return document.activeElement === button;
      }),
    ).toBe(false);
    await dialog.getByRole("searchbox", { name: "Search zapfloor customers" }).focus();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(list.locator(`[data-account="${loose.id}"]`)).toBeVisible();
  });

  test("the options page and the popup pass axe", async ({ page, extensionId }) => {
    await openOptionsPage(page, extensionId);
    await expect(page.getByText(/^Connected to /)).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Divisions and bookings" }).getByRole("listitem"),
    ).not.toHaveCount(0);
    await expectNoAxeViolations(page);
    // The booking settings, with their pickers filled from the division's reference data.
    await page.getByRole("button", { name: "Set up bookings for Flexwerk Amsterdam B.V." }).click();
    const bookings = page.getByRole("form", { name: "Booking settings" });
    await expect(bookings.getByRole("combobox", { name: "Sales journal", exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expectNoAxeViolations(page);

    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.locator("[data-health]")).toHaveText(/^Proxy healthy/);
    await expectNoAxeViolations(page);
  });
});
