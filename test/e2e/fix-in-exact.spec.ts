import { mkdirSync } from "node:fs";
import path from "node:path";
import { insertExactAccount, mirrorChanges, putCustomer, uniqueNumber } from "./support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { expect, test, useTenantProxy } from "./support/extension-fixtures";
import { accountPanel } from "./support/panel";
import { screenshotsDir } from "./support/paths";
import { E2E_DIVISION } from "./support/tenant";

const HOST = "start.exactonline.nl";

/**
 * A valid Belgian VAT number no other spec uses: 0, a digit 1–9 (the 0-range of enterprise numbers starts at
 * 0200…), six digits of `number`, then the mod-97 check digits.
 */
function belgianVat(number: string): string {
  const body = `0${(Number(number.slice(-7, -6)) % 9) + 1}${number.slice(-6)}`;
  const check = 97 - (Number(body) % 97);
  return `BE${body}${String(check).padStart(2, "0")}`;
}

interface SimCall {
  method: string;
  endpoint: string;
  status: number;
  body?: Record<string, unknown>;
}

test.describe("fixing the cause in Exact from the panel", () => {
  test.beforeEach(async ({ backgroundWorker, stack, tenant, page }) => {
    await useTenantProxy(backgroundWorker, stack, tenant);
    await serveSavedExactPages(page, HOST);
  });

  test("adds the customer's VAT number to the Exact account in one confirmed click, then links", async ({
    page,
    stack,
    tenant,
  }) => {
    const number = uniqueNumber();
    const vat = belgianVat(number);
    const account = await insertExactAccount(stack, { Name: `Fix Works ${number} B.V.`, Country: "BE" });
    await putCustomer(stack, tenant, number, {
      name: `Fix Works ${number} BV`,
      vatNumber: vat,
      country: "BE",
    });
    await mirrorChanges(stack, tenant);

    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: account.id,
      }),
    );
    const panel = accountPanel(page);
    const candidate = panel.locator(`[data-customer="${number}"]`).first();
    await candidate.getByRole("button", { name: `Add VAT number and link ${number}` }).click();
    const confirmation = candidate.locator("[data-fix=add_vat_and_link]");
    await expect(confirmation).toContainText("This changes the account in Exact Online, then links it:");
    await expect(confirmation.locator("[data-field=VATNumber]")).toHaveText(`VAT number: (empty) → ${vat}`);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, "panel-fix-vat.png") });

    await confirmation.getByRole("button", { name: "Yes, change in Exact and link" }).click();
    await expect(panel.getByTestId("linked-number")).toHaveText(number);

    // The simulator recorded the one PUT, carrying only the VAT number.
    const response = await fetch(`${stack.simUrl}/__sim/calls?method=PUT&division=${E2E_DIVISION}`);
    const { calls } = (await response.json()) as { calls: SimCall[] };
    const puts = calls.filter((call) => call.body?.VATNumber === vat);
    expect(puts).toEqual([expect.objectContaining({ endpoint: "crm/Accounts(key)", status: 204 })]);
    expect(puts[0]?.body).toEqual({ VATNumber: vat });
    const stored = await fetch(`${stack.simUrl}/__sim/divisions/${E2E_DIVISION}/accounts/${account.id}`);
    expect(await stored.json()).toMatchObject({ VATNumber: vat });
  });
  test("a hand link puts the zapfloor number into the account's empty SearchCode, said before and after", async ({
    page,
    stack,
    tenant,
  }) => {
    const number = uniqueNumber();
    const account = await insertExactAccount(stack, {
      Name: `Searchcode Works ${number} B.V.`,
      Country: "BE",
    });
    await putCustomer(stack, tenant, number, { name: `Searchcode Works ${number} BV`, country: "BE" });
    await mirrorChanges(stack, tenant);

    await page.goto(
      accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
        division: tenant.division,
        accountId: account.id,
      }),
    );
    const panel = accountPanel(page);
    const candidate = panel.locator(`[data-customer="${number}"]`).first();
    await expect(candidate.locator("[data-link-change=SearchCode]")).toHaveText(
      `Linking also puts ${number} in the account's empty SearchCode in Exact Online.`,
    );
    await candidate.getByRole("button", { name: `Link ${number}` }).click();
    await expect(panel.getByTestId("linked-number")).toHaveText(number);
    await expect(panel.locator("[data-search-code=set]")).toHaveText(
      `SearchCode ${number} set in Exact Online: the link can be found again from Exact.`,
    );

    const response = await fetch(`${stack.simUrl}/__sim/calls?method=PUT&division=${E2E_DIVISION}`);
    const { calls } = (await response.json()) as { calls: SimCall[] };
    expect(calls.filter((call) => call.body?.SearchCode === number).map((call) => call.body)).toEqual([
      { SearchCode: number },
    ]);
    const stored = await fetch(`${stack.simUrl}/__sim/divisions/${E2E_DIVISION}/accounts/${account.id}`);
    expect(await stored.json()).toMatchObject({ SearchCode: number });
  });
});
