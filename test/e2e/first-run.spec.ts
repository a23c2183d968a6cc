import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { clearExtensionStorage, expect, test } from "./support/extension-fixtures";

test.describe("before a proxy is configured", () => {
  test.beforeEach(async ({ backgroundWorker }) => {
    await clearExtensionStorage(backgroundWorker);
  });

  test("the panel leads to the settings, and finds the proxy once it is saved", async ({
    page,
    extensionContext,
    stack,
  }) => {
    await serveSavedExactPages(page, "start.exactonline.be");
    await page.goto(accountPageUrl("start.exactonline.be", "CRMAccountCard.aspx", "{…}"));
    const panel = page.getByRole("region", { name: "zapfloor link" });
    await expect(panel.getByRole("status")).toHaveText("Proxy not configured.Open settings");

    const [optionsPage] = await Promise.all([
      extensionContext.waitForEvent("page"),
      panel.getByRole("button", { name: "Open settings" }).click(),
    ]);
    await optionsPage.getByLabel("Proxy URL").fill(stack.proxyUrl);
    await optionsPage.getByRole("button", { name: "Save" }).click();
    await expect(optionsPage.getByText("Saved.")).toBeVisible();
    await optionsPage.close();

    await expect(panel.getByRole("status")).toHaveText(/^Proxy healthy \(version .+\)$/);
  });
});
