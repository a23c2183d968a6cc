import { insertExactAccount, mirrorChanges, putCustomer, uniqueNumber } from "./support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { expect, test, useTenantProxy } from "./support/extension-fixtures";
import { accountPanel } from "./support/panel";

const HOST = "start.exactonline.nl";

test.describe("names are data", () => {
  test.beforeEach(async ({ backgroundWorker, stack, tenant }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
  });

  test("names with markup and SQL punctuation are shown as written, never as markup, in the panel and the overview", async ({
    page,
    extensionId,
    stack,
    tenant,
  }) => {
    const number = uniqueNumber();
    const accountName = `<img src=x onerror=alert(1)> Labs ${number}`;
    const customerName = `<b>O'Brien</b> & Zonen; DELETE ${number}`;
    const account = await insertExactAccount(stack, { Name: accountName, Code: number });
    await putCustomer(stack, tenant, number, { name: customerName, country: "NL" });
    await mirrorChanges(stack, tenant);

    await serveSavedExactPages(page, HOST);
    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: account.id,
      }),
    );
    const panel = accountPanel(page);
    await expect(panel).toContainText(accountName);
    const candidate = panel.locator(`[data-customer="${number}"]`).first();
    await expect(candidate).toContainText(customerName);
    await expect(panel.locator("img, b")).toHaveCount(0);

    await page.goto(`chrome-extension://${extensionId}/overview.html?division=${tenant.division}`);
    await page.getByRole("searchbox", { name: "Search accounts" }).fill(number);
    const row = page.locator(`[data-account="${account.id}"]`);
    await expect(row).toContainText(accountName);
    await expect(row).toContainText(customerName);
    await expect(row.locator("img, b")).toHaveCount(0);
  });
});
