import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  changeExactAccount,
  insertExactAccount,
  linkViaApi,
  mirrorChanges,
  putCustomer,
  uniqueNumber,
} from "./support/exact-data";
import { expect, test, useTenantProxy } from "./support/extension-fixtures";
import { screenshotsDir } from "./support/paths";

test.describe("the Accounts Overview", () => {
  test.beforeEach(async ({ backgroundWorker, stack, tenant }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
  });

  test("filters, previews and accepts every unambiguous suggestion", async ({
    page,
    extensionId,
    stack,
    tenant,
  }) => {
    const tag = uniqueNumber();
    const suggested: string[] = [];
    for (const i of [1, 2, 3]) {
      const number = uniqueNumber();
      await insertExactAccount(stack, { Name: `Bulk ${tag} Customer ${i} BV`, Code: number });
      await putCustomer(stack, tenant, number, { name: `Bulk ${tag} Customer ${i}`, country: "NL" });
      suggested.push(number);
    }
    await mirrorChanges(stack, tenant);

    await page.goto(`chrome-extension://${extensionId}/overview.html?division=${tenant.division}`);
    await expect(page.getByRole("heading", { name: "Exact Accounts Overview" })).toBeVisible();
    const list = page.getByRole("list", { name: "Exact Accounts Overview" });
    await page.getByRole("tab", { name: "Suggested" }).click();
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(`Bulk ${tag}`);
    await expect(list.getByRole("listitem")).toHaveCount(3);
    for (const row of await list.locator("[data-state]").all())
      await expect(row).toHaveAttribute("data-state", "suggested");
    // A filtered page brings the division's counts: each tab's name is its label, then its count.
    const linkedTab = page.getByRole("tab", { name: /^Linked(\s|$)/ });
    await expect(linkedTab).toHaveText(/^Linked [\d,]+$/);
    await expect(page.getByRole("tab", { name: /^Suggested [\d,]+$/ })).toBeVisible();
    const countIn = async (tab: typeof linkedTab) => Number((await tab.textContent())?.replace(/\D/g, ""));
    const linkedBefore = await countIn(linkedTab);
    expect(await countIn(page.getByRole("tab", { name: /^Suggested/ }))).toBeGreaterThanOrEqual(3);

    await page.getByRole("button", { name: "Accept all unambiguous suggestions" }).click();
    const dialog = page.getByRole("dialog", { name: "Accept suggestions" });
    const preview = dialog.getByRole("status");
    await expect(preview).toHaveText(/^\d+ accounts will be linked:$/);
    const previewed = Number((await preview.textContent())?.match(/\d+/)?.[0]);
    expect(previewed).toBeGreaterThanOrEqual(3);
    for (const i of [1, 2, 3]) await expect(dialog.getByText(`Bulk ${tag} Customer ${i} BV`)).toBeVisible();
    await dialog.getByRole("button", { name: `Link ${previewed} accounts` }).click();

    const summary = page.getByRole("dialog", { name: "Suggestions accepted" });
    await expect(summary.getByRole("status")).toHaveText(`${previewed} accounts linked.`);
    await summary.getByRole("button", { name: "Close" }).click();

    await linkedTab.click();
    await expect(list.locator('[data-state="linked"]')).toHaveCount(3);
    await expect.poll(() => countIn(linkedTab)).toBeGreaterThanOrEqual(linkedBefore + previewed);
    for (const number of suggested) await expect(list).toContainText(number);
  });

  test("links and unlinks inline", async ({ page, extensionId, stack, tenant }) => {
    const tag = uniqueNumber();
    const linkedNumber = uniqueNumber();
    const linked = await insertExactAccount(stack, { Name: `Inline ${tag} Linked BV`, Code: linkedNumber });
    await putCustomer(stack, tenant, linkedNumber, { name: `Inline ${tag} Linked`, country: "NL" });
    await insertExactAccount(stack, { Name: `Inline ${tag} Loose BV` });
    const looseCustomer = uniqueNumber();
    await putCustomer(stack, tenant, looseCustomer, { name: `Unrelated ${tag} Name`, country: "NL" });
    await mirrorChanges(stack, tenant);
    await linkViaApi(stack, tenant, linked.id, linkedNumber);

    await page.goto(`chrome-extension://${extensionId}/overview.html?division=${tenant.division}`);
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(`Inline ${tag}`);
    const list = page.getByRole("list", { name: "Exact Accounts Overview" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    // The tab's count follows a change made in place, without the list starting again.
    const linkedTab = page.getByRole("tab", { name: /^Linked(\s|$)/ });
    await expect(linkedTab).toHaveText(/^Linked [\d,]+$/);
    const linkedCount = async () => Number((await linkedTab.textContent())?.replace(/\D/g, ""));
    const linkedBefore = await linkedCount();

    const linkedRow = list.locator(`[data-account="${linked.id}"]`);
    await expect(linkedRow).toHaveAttribute("data-state", "linked");
    await linkedRow.getByRole("button", { name: `Unlink Inline ${tag} Linked BV` }).click();
    await linkedRow.getByRole("button", { name: "Yes, unlink" }).click();
    await expect(linkedRow).toHaveAttribute("data-state", "suggested");
    await expect.poll(linkedCount).toBe(linkedBefore - 1);

    await list.getByRole("button", { name: `Link… Inline ${tag} Loose BV` }).click();
    const dialog = page.getByRole("dialog", { name: `Link Inline ${tag} Loose BV` });
    await dialog.getByRole("searchbox", { name: "Search zapfloor customers" }).fill(`Unrelated ${tag}`);
    await dialog.getByRole("button", { name: `Link ${looseCustomer}` }).click();
    await expect(dialog).toBeHidden();
    await expect(list.locator('[data-state="linked"]')).toContainText(looseCustomer);
    await expect.poll(linkedCount).toBe(linkedBefore);
  });

  test("refuses a link made on a stale view of the Exact account, and links once looked at again", async ({
    page,
    extensionId,
    stack,
    tenant,
  }) => {
    const tag = uniqueNumber();
    const account = await insertExactAccount(stack, { Name: `Stale ${tag} Works BV` });
    const customer = uniqueNumber();
    await putCustomer(stack, tenant, customer, { name: `Other ${tag} Name`, country: "NL" });
    await mirrorChanges(stack, tenant);

    const overviewUrl = `chrome-extension://${extensionId}/overview.html?division=${tenant.division}`;
    await page.goto(overviewUrl);
    const list = page.getByRole("list", { name: "Exact Accounts Overview" });
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(`Stale ${tag}`);
    const row = list.locator(`[data-account="${account.id}"]`);
    await expect(row).toHaveAttribute("data-state", "unlinked");

    // Someone changes the account in Exact while the overview shows it; the mirror hears of it.
    await changeExactAccount(stack, tenant.division, account.id, { Email: `billing-${tag}@stale.test` });
    await mirrorChanges(stack, tenant);

    const linkTo = async () => {
      await list.getByRole("button", { name: `Link… Stale ${tag} Works BV` }).click();
      const dialog = page.getByRole("dialog", { name: `Link Stale ${tag} Works BV` });
      await dialog.getByRole("searchbox", { name: "Search zapfloor customers" }).fill(`Other ${tag}`);
      await dialog.getByRole("button", { name: `Link ${customer}` }).click();
      return dialog;
    };
    const refused = await linkTo();
    await expect(refused.getByRole("alert")).toContainText("was changed in Exact Online since it was shown");
    await expect(row).toHaveAttribute("data-state", "unlinked");

    await page.goto(overviewUrl);
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(`Stale ${tag}`);
    await expect(row).toHaveAttribute("data-state", "unlinked");
    await expect(await linkTo()).toBeHidden();
    await expect(row).toHaveAttribute("data-state", "linked");
    await expect(row).toContainText(customer);
  });

  test("screenshot of the overview", async ({ page, extensionId, stack, tenant }) => {
    const tag = uniqueNumber();
    const linkedNumber = uniqueNumber();
    const linked = await insertExactAccount(stack, {
      Name: `Atelier ${tag} Noord BV`,
      Code: linkedNumber,
      City: "Utrecht",
    });
    await putCustomer(stack, tenant, linkedNumber, { name: `Atelier ${tag} Noord`, country: "NL" });
    const suggestedNumber = uniqueNumber();
    await insertExactAccount(stack, {
      Name: `Atelier ${tag} Zuid BV`,
      Code: suggestedNumber,
      City: "Maastricht",
    });
    await putCustomer(stack, tenant, suggestedNumber, { name: `Atelier ${tag} Zuid`, country: "NL" });
    const conflictNumber = uniqueNumber();
    const vat = "NL004495445B01";
    await insertExactAccount(stack, {
      Name: `Atelier ${tag} Oost BV`,
      Code: conflictNumber,
      City: "Enschede",
    });
    await insertExactAccount(stack, { Name: `Atelier ${tag} West BV`, VATNumber: vat, City: "Leiden" });
    await putCustomer(stack, tenant, conflictNumber, {
      name: `Atelier ${tag} Oost`,
      vatNumber: vat,
      country: "NL",
    });
    await insertExactAccount(stack, { Name: `Atelier ${tag} Centrum BV`, City: "Amersfoort" });
    await mirrorChanges(stack, tenant);
    await linkViaApi(stack, tenant, linked.id, linkedNumber);

    await page.setViewportSize({ width: 1200, height: 420 });
    await page.goto(`chrome-extension://${extensionId}/overview.html?division=${tenant.division}`);
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(`Atelier ${tag}`);
    await expect(
      page.getByRole("list", { name: "Exact Accounts Overview" }).getByRole("listitem"),
    ).toHaveCount(5);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, "overview.png") });
  });
});
