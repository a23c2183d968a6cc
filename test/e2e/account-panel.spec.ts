import { EXACT_HOSTS } from "@zapfloor-exact/shared/exact-hosts";
import {
  insertExactAccount,
  linkViaApi,
  mirrorChanges,
  putCustomer,
  uniqueNumber,
} from "./support/exact-data";
import { type AccountIdForm, accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import {
  contentScriptReadableStorage,
  expect,
  storeExtensionSettings,
  test,
  useTenantProxy,
} from "./support/extension-fixtures";
import { heldProxy } from "./support/held-proxy";
import { accountPanel, panelToggle } from "./support/panel";

test.describe("the account panel on Exact account pages", () => {
  let linked: { division: number; accountId: string; number: string };

  test.beforeAll(async ({ stack, tenant }) => {
    const number = uniqueNumber();
    const account = await insertExactAccount(stack, { Name: "Panel Hosts BV", Code: number });
    await putCustomer(stack, tenant, number, { name: "Panel Hosts", country: "NL" });
    await mirrorChanges(stack, tenant);
    await linkViaApi(stack, tenant, account.id, number);
    linked = { division: tenant.division, accountId: account.id, number };
  });

  test.beforeEach(async ({ backgroundWorker, stack, tenant }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
  });

  test("every Exact host, both pages, both brace forms of AccountID", async ({ page }) => {
    // Sixteen page loads in one test: more than the default 30 s on a busy two-core machine.
    test.slow();
    for (const host of EXACT_HOSTS) await serveSavedExactPages(page, host);
    const pages = ["CRMAccountCard.aspx", "CRMAccount.aspx"] as const;
    const forms: AccountIdForm[] = ["%7b…%7d", "{…}"];
    for (const host of EXACT_HOSTS) {
      for (const [i, form] of forms.entries()) {
        const exactPage = pages[(EXACT_HOSTS.indexOf(host) + i) % 2]!;
        await test.step(`${host}/docs/${exactPage} with AccountID as ${form}`, async () => {
          await page.goto(accountPageUrl(host, exactPage, form, linked));
          const panel = accountPanel(page);
          await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);
          await expect(panelToggle(panel)).toContainText(`Linked to ${linked.number}`);
        });
      }
    }
  });

  test("gets its data from the background, which keeps the bookkeeper token out of content scripts' reach", async ({
    page,
    backgroundWorker,
    tenant,
  }) => {
    await serveSavedExactPages(page, "start.exactonline.nl");
    await page.goto(accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "%7b…%7d", linked));
    await expect(accountPanel(page).getByTestId("linked-number")).toHaveText(linked.number);
    const readable = await contentScriptReadableStorage(backgroundWorker);
    expect(readable).not.toContain(tenant.tokens.bookkeeper);
    expect(readable).toContain("proxySettingsRevision");
  });

  test("sits in the corner without moving Exact's page", async ({ page }) => {
    await serveSavedExactPages(page, "start.exactonline.nl");
    await page.goto(accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "%7b…%7d", linked));
    const panel = accountPanel(page);
    await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);
    // The host element comes first in the body and takes no room; Exact's header stays at the top.
    expect(await page.evaluate(() => document.body.firstElementChild?.localName)).toBe(
      "zapfloor-exact-panel",
    );
    expect((await page.locator("#PageHeader").boundingBox())?.y).toBe(0);
    // No page-wide style was added: everything lives in the shadow root.
    expect(
      await page.evaluate(() => document.querySelectorAll("style[wxt-shadow-root-document-styles]").length),
    ).toBe(0);
  });

  test("inside Exact's portal frame", async ({ page }) => {
    await serveSavedExactPages(page, "start.exactonline.nl", { frameAccount: linked });
    await page.goto(`https://start.exactonline.nl/docs/MenuPortal.aspx?_Division_=${linked.division}`);

    const panel = accountPanel(page.frameLocator("#MainWindow"));
    await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);
    // The portal itself is not an account page: the frame holds the only panel.
    await expect(page.locator("[data-wxt-shadow-root]")).toHaveCount(0);
  });

  test("survives Exact rewriting the page and switching accounts in place", async ({
    page,
    stack,
    tenant,
  }) => {
    const other = await insertExactAccount(stack, { Name: "Switched To BV" });
    await mirrorChanges(stack, tenant);
    await serveSavedExactPages(page, "start.exactonline.nl");
    await page.goto(accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "%7b…%7d", linked));
    const panel = accountPanel(page);
    await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);

    // A late script replaces the whole body, the panel's host with it.
    await page.evaluate(() => {
      const body = document.createElement("body");
      body.innerHTML = document.querySelector("form")?.outerHTML ?? "";
      document.documentElement.replaceChild(body, document.body);
    });
    await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);
    await expect(page.locator("zapfloor-exact-panel")).toHaveCount(1);

    // Exact moves to another account without loading a page.
    const otherUrl = accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "{…}", {
      division: linked.division,
      accountId: other.id,
    });
    await page.evaluate((url) => history.pushState(null, "", url), otherUrl);
    await expect(panel.getByText("Not linked to a zapfloor customer.")).toBeVisible();
    await expect(panel).toContainText("Switched To BV");
  });

  test("folds away, stays folded after a reload, and works from the keyboard", async ({ page }) => {
    await serveSavedExactPages(page, "start.exactonline.nl");
    await page.goto(accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "%7b…%7d", linked));
    const panel = accountPanel(page);
    const toggle = panelToggle(panel);
    await expect(panel.getByTestId("linked-number")).toBeVisible();

    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(panel.getByTestId("linked-number")).toBeHidden();
    await expect(toggle).toContainText(`Linked to ${linked.number}`);

    await page.reload();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(panel.getByTestId("linked-number")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
  });

  test("follows the Exact page's language unless the options say otherwise", async ({
    page,
    backgroundWorker,
  }) => {
    await serveSavedExactPages(page, "start.exactonline.be", { lang: "nl-BE" });
    await storeExtensionSettings(backgroundWorker, { language: "auto" });
    await page.goto(accountPageUrl("start.exactonline.be", "CRMAccountCard.aspx", "{…}", linked));
    const dutch = accountPanel(page, "zapfloor-koppeling");
    await expect(dutch.getByText("Gekoppeld aan zapfloor-klant")).toBeVisible();

    await storeExtensionSettings(backgroundWorker, { language: "fr" });
    await expect(accountPanel(page, "Liaison zapfloor").getByText("Lié au client zapfloor")).toBeVisible();
  });

  test("paints the state it was last told for an account at once, marked as being checked, while the proxy is slow", async ({
    page,
    backgroundWorker,
    stack,
    tenant,
  }) => {
    const proxy = await heldProxy(stack.proxyUrl);
    try {
      await storeExtensionSettings(backgroundWorker, {
        proxy: { url: proxy.url, token: tenant.tokens.bookkeeper },
      });
      await serveSavedExactPages(page, "start.exactonline.nl");
      const url = accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "%7b…%7d", linked);
      await page.goto(url);
      const panel = accountPanel(page);
      const checking = panel.getByText("As last seen — checking it again…");
      await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);
      await expect(checking).toBeHidden();
      // Kept where the panel's script reads it as the next page starts, without the background; never the token.
      await expect
        .poll(() => contentScriptReadableStorage(backgroundWorker))
        .toContain(`panelKept:${linked.division}:${linked.accountId.toLowerCase()}`);
      expect(await contentScriptReadableStorage(backgroundWorker)).not.toContain(tenant.tokens.bookkeeper);

      proxy.hold();
      // Not waiting for the page's load: the extension gives up on a silent proxy after 8 s, counted from the
      // content script's start, and "checking" is what it shows until then.
      await page.goto(url, { waitUntil: "commit" });
      await expect(checking).toBeVisible();
      await expect(panel.getByTestId("linked-number")).toHaveText(linked.number);
    } finally {
      await proxy.close();
    }
  });
});
