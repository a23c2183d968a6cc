import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { clearExtensionStorage, expect, test } from "./support/extension-fixtures";
import { accountPanel } from "./support/panel";

test.describe("before a proxy is configured", () => {
  test.beforeEach(async ({ backgroundWorker }) => {
    await clearExtensionStorage(backgroundWorker);
  });

  test("the panel leads to the settings, and finds the proxy once it is saved", async ({
    page,
    extensionContext,
    stack,
    tenant,
  }) => {
    await serveSavedExactPages(page, "start.exactonline.be");
    await page.goto(accountPageUrl("start.exactonline.be", "CRMAccountCard.aspx", "{…}"));
    const panel = accountPanel(page);
    await expect(panel.getByRole("alert")).toContainText("The extension does not know the proxy yet.");

    const [optionsPage] = await Promise.all([
      extensionContext.waitForEvent("page"),
      panel.getByRole("button", { name: "Open settings" }).click(),
    ]);
    await optionsPage.getByLabel("Proxy URL").fill(stack.proxyUrl);
    await optionsPage.getByLabel("Bookkeeper token").fill(tenant.tokens.bookkeeper);
    await optionsPage.getByRole("button", { name: "Save" }).click();
    await expect(optionsPage.getByText("Saved.")).toBeVisible();
    await optionsPage.close();

    // The fixture page's division is not the tenant's: the proxy was reached and answered so.
    await expect(panel.getByRole("alert")).toContainText("Division 123456 is not connected to the proxy.");
  });
});
