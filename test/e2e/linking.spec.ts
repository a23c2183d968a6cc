import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  insertExactAccount,
  linkViaApi,
  mirrorChanges,
  putCustomer,
  uniqueNumber,
} from "./support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { expect, test, useTenantProxy } from "./support/extension-fixtures";
import { accountPanel, panelToggle } from "./support/panel";
import { screenshotsDir } from "./support/paths";
import { proxyJson } from "./support/tenant";

const HOST = "start.exactonline.nl";

test.describe("linking from the account panel", () => {
  test.beforeEach(async ({ backgroundWorker, stack, tenant, page }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
    await serveSavedExactPages(page, HOST);
  });

  test("links a suggested candidate with one click, and says how", async ({ page, stack, tenant }) => {
    const number = uniqueNumber();
    const account = await insertExactAccount(stack, { Name: "Candidate Works BV", Code: number });
    await putCustomer(stack, tenant, number, { name: "Candidate Works", country: "NL" });
    await mirrorChanges(stack, tenant);

    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: account.id,
      }),
    );
    const panel = accountPanel(page);
    await expect(panel.getByText("Not linked to a zapfloor customer.")).toBeVisible();
    const candidate = panel.locator(`[data-customer="${number}"]`).first();
    await expect(candidate).toContainText("Candidate Works");
    await expect(candidate.locator("[data-signal=code]")).toHaveText("Code");
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, "panel-candidates.png") });

    await candidate.getByRole("button", { name: `Link ${number}` }).click();
    await expect(panel.getByTestId("linked-number")).toHaveText(number);
    await expect(panel).toContainText("Linked by hand by bookkeeper on");
    await expect(panelToggle(panel)).toContainText(`Linked to ${number}`);
    await page.screenshot({ path: path.join(screenshotsDir, "panel-linked.png") });

    const stored = await proxyJson<{ link: { customerNumber: string } | null }>(
      stack,
      tenant.tokens.bookkeeper,
      "GET",
      `/v1/divisions/${tenant.division}/accounts/${account.id}`,
    );
    expect(stored.link?.customerNumber).toBe(number);
  });

  test("links a customer found through the search box", async ({ page, stack, tenant }) => {
    const number = uniqueNumber();
    const account = await insertExactAccount(stack, { Name: "Nothing Alike Holding" });
    await putCustomer(stack, tenant, number, { name: `Searchable Studio ${number}`, country: "NL" });
    await mirrorChanges(stack, tenant);

    await page.goto(
      accountPageUrl(HOST, "CRMAccount.aspx", "{…}", { division: tenant.division, accountId: account.id }),
    );
    const panel = accountPanel(page);
    await expect(panel.getByText("No zapfloor customer matches this account.")).toBeVisible();
    await panel
      .getByRole("searchbox", { name: "Search zapfloor customers" })
      .fill(`Searchable Studio ${number}`);
    await panel.getByRole("button", { name: `Link ${number}` }).click();
    await expect(panel.getByTestId("linked-number")).toHaveText(number);
  });

  test("unlinks after a confirmation", async ({ page, stack, tenant }) => {
    const number = uniqueNumber();
    const account = await insertExactAccount(stack, { Name: "Unlink Me BV", Code: number });
    await putCustomer(stack, tenant, number, { name: "Unlink Me", country: "NL" });
    await mirrorChanges(stack, tenant);
    await linkViaApi(stack, tenant, account.id, number);

    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "{…}", {
        division: tenant.division,
        accountId: account.id,
      }),
    );
    const panel = accountPanel(page);
    await expect(panel.getByTestId("linked-number")).toHaveText(number);
    await panel.getByRole("button", { name: "Unlink" }).click();
    await expect(panel).toContainText(`Unlink zapfloor customer ${number} from this Exact account?`);
    await panel.getByRole("button", { name: "Yes, unlink" }).click();
    await expect(panel.getByText("Not linked to a zapfloor customer.")).toBeVisible();
    // The customer it was linked to is offered again, since its number is the account's Code.
    await expect(panel.locator(`[data-customer="${number}"]`).first()).toBeVisible();
  });

  test("shows a conflict with its reason and what to do", async ({ page, stack, tenant }) => {
    const number = uniqueNumber();
    const vat = "NL004495445B01";
    const byNumber = await insertExactAccount(stack, { Name: "Conflict By Number BV", Code: number });
    await insertExactAccount(stack, { Name: "Conflict By VAT BV", VATNumber: vat });
    await putCustomer(stack, tenant, number, { name: "Conflict Customer", vatNumber: vat, country: "NL" });
    await mirrorChanges(stack, tenant);

    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: byNumber.id,
      }),
    );
    const panel = accountPanel(page);
    await expect(panelToggle(panel)).toContainText("Needs attention");
    const conflict = panel.locator("[data-warning=conflict]");
    await expect(conflict.locator("[data-reason=vat_contradiction]")).toHaveText(
      "The number points to one account, the VAT number to another.",
    );
    await expect(conflict).toContainText("Check the candidates below and link the right one by hand.");
  });

  test("offers to make a prospect a customer and link it", async ({ page, stack, tenant }) => {
    const number = uniqueNumber();
    const prospect = await insertExactAccount(stack, {
      Name: "Prospect Promote BV",
      Code: number,
      Status: "P",
    });
    await putCustomer(stack, tenant, number, { name: "Prospect Promote", country: "NL" });
    await mirrorChanges(stack, tenant);

    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: prospect.id,
      }),
    );
    const panel = accountPanel(page);
    await expect(panel.locator("[data-warning=not_a_customer]")).toContainText(
      "This Exact account is not a customer (status prospect)",
    );
    await panel
      .locator(`[data-customer="${number}"]`)
      .first()
      .getByRole("button", { name: "Make customer and link" })
      .click();
    await expect(panel.getByTestId("linked-number")).toHaveText(number);
    await expect(panel).toContainText("Made customer and linked by bookkeeper");
  });
});
