import { accountPageUrl, FIXTURE_ACCOUNT, serveSavedExactPages } from "./support/exact-pages";
import { expect, storeExtensionSettings, test, useTenantProxy } from "./support/extension-fixtures";
import { freePort } from "./support/free-port";
import { accountPanel, panelToggle } from "./support/panel";

const HOST = "start.exactonline.be";

test.describe("the panel explains what stands in the way", () => {
  test.beforeEach(async ({ page, backgroundWorker, stack, tenant }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
    await serveSavedExactPages(page, HOST);
  });

  test("a token the proxy refuses leads to the settings", async ({
    page,
    backgroundWorker,
    stack,
    extensionContext,
  }) => {
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: "not-a-real-token" },
    });
    await page.goto(accountPageUrl(HOST, "CRMAccountCard.aspx", "{…}"));
    const panel = accountPanel(page);
    const alert = panel.getByRole("alert");
    await expect(alert).toContainText("The proxy refused the bookkeeper token.");
    await expect(alert).toContainText("Enter a valid bookkeeper token in the settings.");
    await expect(panelToggle(panel)).toContainText("Needs attention");

    const [optionsPage] = await Promise.all([
      extensionContext.waitForEvent("page"),
      alert.getByRole("button", { name: "Open settings" }).click(),
    ]);
    await expect(optionsPage.getByLabel("Bookkeeper token")).toHaveValue("not-a-real-token");
    await optionsPage.close();
  });

  test("a proxy that is down, and the panel recovers when it answers again", async ({
    page,
    backgroundWorker,
    stack,
    tenant,
  }) => {
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: `http://127.0.0.1:${await freePort()}`, token: tenant.tokens.bookkeeper },
    });
    await page.goto(accountPageUrl(HOST, "CRMAccount.aspx", "%7b…%7d"));
    const alert = accountPanel(page).getByRole("alert");
    await expect(alert).toContainText("The proxy does not answer");
    await expect(alert).toContainText("Check your connection and the proxy URL, then try again.");

    // Saving working settings re-checks open pages without a reload.
    await useTenantProxy(backgroundWorker, stack, tenant);
    await expect(alert).toContainText("Division 123456 is not connected to the proxy.");
  });

  test("a division the proxy has not connected", async ({ page }) => {
    await page.goto(accountPageUrl(HOST, "CRMAccountCard.aspx", "{…}"));
    const alert = accountPanel(page).getByRole("alert");
    await expect(alert).toContainText(`Division ${FIXTURE_ACCOUNT.division} is not connected to the proxy.`);
    await expect(alert).toContainText("Connect Exact Online in the settings");
  });
});
