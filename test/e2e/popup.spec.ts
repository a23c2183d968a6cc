import { expect, test, useTenantProxy } from "./support/extension-fixtures";

test.describe("the toolbar popup", () => {
  test.beforeEach(async ({ backgroundWorker, stack, tenant }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
  });

  test("shows the state at a glance and opens the overview on a division", async ({
    page,
    extensionId,
    extensionContext,
    tenant,
  }) => {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.locator("[data-health]")).toHaveText(/^Proxy healthy \(version .+\)$/);
    const division = page.getByRole("button", { name: `Flexwerk Amsterdam B.V. (${tenant.division})` });
    await expect(division).toBeVisible();

    const [overview] = await Promise.all([extensionContext.waitForEvent("page"), division.click()]);
    await expect(overview).toHaveURL(new RegExp(`/overview\\.html\\?division=${tenant.division}$`));
    await expect(overview.getByRole("heading", { name: "Exact Accounts Overview" })).toBeVisible();
    await overview.close();
  });
});
