import {
  type AccountIdForm,
  accountPageUrl,
  FIXTURE_ACCOUNT,
  serveSavedExactPages,
} from "./support/exact-pages";
import { expect, test } from "./support/extension-fixtures";
import { saveProxySettings } from "./support/options-page";

test.describe("the account panel on Exact account pages", () => {
  let proxyVersion: string;

  test.beforeAll(async ({ extensionContext, extensionId, stack }) => {
    const health = (await (await fetch(`${stack.proxyUrl}/health`)).json()) as { version: string };
    proxyVersion = health.version;
    const page = await extensionContext.newPage();
    await saveProxySettings(page, extensionId, { url: stack.proxyUrl, token: "" });
    await page.close();
  });

  const cases: { host: string; page: "CRMAccountCard.aspx" | "CRMAccount.aspx"; form: AccountIdForm }[] = [
    { host: "start.exactonline.nl", page: "CRMAccountCard.aspx", form: "%7b…%7d" },
    { host: "start.exactonline.be", page: "CRMAccountCard.aspx", form: "{…}" },
    { host: "start.exactonline.fr", page: "CRMAccount.aspx", form: "%7b…%7d" },
  ];

  for (const { host, page: exactPage, form } of cases) {
    test(`${host}/docs/${exactPage} with AccountID as ${form}`, async ({ page }) => {
      await serveSavedExactPages(page, host);
      await page.goto(accountPageUrl(host, exactPage, form));

      const panel = page.getByRole("region", { name: "zapfloor link" });
      await expect(panel.getByRole("definition")).toHaveText([
        String(FIXTURE_ACCOUNT.division),
        FIXTURE_ACCOUNT.accountId,
      ]);
      await expect(panel.getByRole("status")).toHaveText(`Proxy healthy (version ${proxyVersion})`);
      // The panel's host is the body's first child, above Exact's own page header.
      expect(await page.evaluate(() => document.body.firstElementChild?.localName)).toBe(
        "zapfloor-exact-panel",
      );
      await expect(page.locator("#PageHeader")).toBeVisible();
    });
  }

  test("inside Exact's portal frame", async ({ page }) => {
    await serveSavedExactPages(page, "start.exactonline.nl");
    await page.goto(
      `https://start.exactonline.nl/docs/MenuPortal.aspx?_Division_=${FIXTURE_ACCOUNT.division}`,
    );

    const panel = page.frameLocator("#MainWindow").getByRole("region", { name: "zapfloor link" });
    await expect(panel.getByRole("status")).toHaveText(`Proxy healthy (version ${proxyVersion})`);
    await expect(panel.getByRole("definition").last()).toHaveText(FIXTURE_ACCOUNT.accountId);
    // The portal itself is not an account page: the frame holds the only panel.
    await expect(page.locator("[data-wxt-shadow-root]")).toHaveCount(0);
  });

  test("folds away and stays folded after a reload", async ({ page }) => {
    await serveSavedExactPages(page, "start.exactonline.nl");
    await page.goto(accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "%7b…%7d"));
    const panel = page.getByRole("region", { name: "zapfloor link" });
    const toggle = panel.getByRole("button", { name: "zapfloor" });

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(panel.getByRole("status")).toBeHidden();

    await page.reload();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(panel.getByRole("status")).toHaveText(`Proxy healthy (version ${proxyVersion})`);
  });
});
