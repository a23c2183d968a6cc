import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { insertExactAccount } from "./support/exact-data";
import { accountPageUrl, FIXTURE_ACCOUNT, serveSavedExactPages } from "./support/exact-pages";
import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";
import { repoRoot, screenshotsDir } from "./support/paths";
import { simulator } from "./support/simulator";
import { connectExact, createTenant, type E2eTenant, proxyJson, syncDivision } from "./support/tenant";

/**
 * A Belgian division of the pictures' own, holding only the accounts below, so that the overview shows each of
 * their states on one screen without a search; the saved Exact page shows a Brussels company.
 */
const DIVISION = 3456789;
const DIVISION_NAME = "Coworking Brussel BV";
const HOST = "start.exactonline.be";
const LANGUAGES = ["en", "nl", "fr"] as const;

/**
 * The division's accounts the pictures show, each in a different state. The first is the account of the saved
 * Exact page (name, code, VAT number), so that the panel in the picture describes the page around it.
 */
const ACME = {
  Name: FIXTURE_ACCOUNT.name,
  Code: FIXTURE_ACCOUNT.code,
  SearchCode: FIXTURE_ACCOUNT.code,
  VATNumber: "BE0407186105",
  City: "Brussel",
  Country: "BE",
};
const DEMO = [
  { Name: "Brouwerij De Koepel BV", Code: "1043", City: "Gent", Country: "BE" },
  { Name: "Studio Vandamme", Code: "1044", City: "Antwerpen", Country: "BE" },
  { Name: "Vandamme Architecten BV", VATNumber: "BE0403170701", City: "Antwerpen", Country: "BE" },
  { Name: "Bakkerij Peeters", City: "Leuven", Country: "BE" },
  { Name: "Drukkerij Claes NV", Code: "1051", VATNumber: "BE0411905847", City: "Mechelen", Country: "BE" },
  { Name: "Interieur Maes", Code: "1052", City: "Brugge", Country: "BE" },
];
const CUSTOMERS = [
  { number: "1042", name: "Acme Coworking", vatNumber: "BE0407186105", country: "BE" },
  { number: "1043", name: "Brouwerij De Koepel", country: "BE" },
  // Its number is one account's Code, its VAT number another's: a conflict a person settles.
  { number: "1044", name: "Studio Vandamme", vatNumber: "BE0403170701", country: "BE" },
];

const shot = (page: Page, language: string, name: string, fullPage = false) => {
  const dir = path.join(repoRoot, "docs/screenshots", language);
  mkdirSync(dir, { recursive: true });
  return page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
};

test.describe.configure({ mode: "serial" });

test.describe("the docs' screenshots", () => {
  let acmeId = "";
  let tenant: E2eTenant;

  test.beforeAll(async ({ stack }) => {
    await simulator(stack, "POST", "/divisions", {
      code: DIVISION,
      name: DIVISION_NAME,
      accounts: 0,
      country: "BE",
    });
    tenant = { ...(await createTenant(stack, "Coworking Brussel")), division: DIVISION };
    await connectExact(stack, tenant.tokens.bookkeeper);
    await syncDivision(stack, tenant.tokens.bookkeeper, DIVISION);
    acmeId = (await insertExactAccount(stack, ACME, DIVISION)).id;
    for (const account of DEMO) await insertExactAccount(stack, account, DIVISION);
    for (const { number, ...customer } of CUSTOMERS) {
      await proxyJson(stack, tenant.tokens.integration, "PUT", `/v1/customers/${number}`, customer);
    }
    await syncDivision(stack, tenant.tokens.bookkeeper, DIVISION);
    await link(stack, tenant, acmeId, "1042");
    // Booked as the options page would set it up: the pictures show a division that takes invoices.
    await proxyJson(stack, tenant.tokens.bookkeeper, "PUT", `/v1/divisions/${DIVISION}/settings`, {
      salesJournal: "70",
      creditNoteJournal: "71",
      glMapping: { desks: "700100", offices: "700000" },
      vatMapping: { rates: { "21": "3" } },
    });
  });

  for (const language of LANGUAGES) {
    test(`in ${language}`, async ({ page, backgroundWorker, extensionId, stack }) => {
      await storeExtensionSettings(backgroundWorker, {
        proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
        panelCollapsed: false,
        language,
      });

      await page.setViewportSize({ width: 1100, height: 620 });
      await serveSavedExactPages(page, HOST, {
        frameAccount: { division: DIVISION, accountId: acmeId },
      });
      await page.goto(
        accountPageUrl(HOST, "CRMAccountCard.aspx", "{…}", { division: DIVISION, accountId: acmeId }),
      );
      await expect(page.getByTestId("linked-number")).toHaveText("1042");
      await shot(page, language, "panel");

      await page.setViewportSize({ width: 1200, height: 460 });
      await page.goto(`chrome-extension://${extensionId}/overview.html?division=${DIVISION}`);
      await expect(page.locator(`[data-account="${acmeId}"]`)).toBeVisible();
      await expect(page.locator("[data-account]")).toHaveCount(1 + DEMO.length);
      await shot(page, language, "overview");

      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.locator("[data-division]").first()).toBeVisible();
      // The whole page: the divisions' booking set-up is below the proxy settings.
      await expect(page.locator(`[data-division="${DIVISION}"]`)).toBeVisible();
      await shot(page, language, "options", true);

      await page.setViewportSize({ width: 380, height: 520 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(page.locator("[data-health=healthy]")).toBeVisible();
      await expect(page.getByRole("button", { name: `${DIVISION_NAME} (${DIVISION})` })).toBeVisible();
      await shot(page, language, "popup", true);

      // Not for the docs, for whoever checks them: the overview when the proxy refuses the token.
      await storeExtensionSettings(backgroundWorker, {
        proxy: { url: stack.proxyUrl, token: "not-a-token" },
        language,
      });
      await page.setViewportSize({ width: 1200, height: 300 });
      await page.goto(`chrome-extension://${extensionId}/overview.html?division=${DIVISION}`);
      await expect(page.getByRole("alert")).toBeVisible();
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotsDir, `overview-problem-${language}.png`) });
    });
  }
});

test("the proxy's consent pages, for whoever checks them", async ({ page, stack }) => {
  const tenant = await createTenant(stack, "Coworking Brussel <Consent>");
  mkdirSync(screenshotsDir, { recursive: true });
  for (const language of LANGUAGES) {
    const { authorizeUrl } = await proxyJson<{ authorizeUrl: string }>(
      stack,
      tenant.tokens.bookkeeper,
      "GET",
      `/v1/exact/connect?format=json&host=${HOST}&lang=${language}`,
    );
    await page.setViewportSize({ width: 900, height: 620 });
    await page.goto(authorizeUrl);
    await page.waitForURL(/\/exact\/callback\?/);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await page.screenshot({
      path: path.join(screenshotsDir, `consent-confirm-${language}.png`),
      fullPage: true,
    });
    await page.locator('button[value="connect"]').click();
    await page.locator("summary").click();
    await expect(page.locator("[data-pairing-code]")).toBeVisible();
    await page.screenshot({
      path: path.join(screenshotsDir, `consent-connected-${language}.png`),
      fullPage: true,
    });

    // The same consent once more: refused, in the same language.
    await page.goto(authorizeUrl);
    await page.screenshot({
      path: path.join(screenshotsDir, `consent-refused-${language}.png`),
      fullPage: true,
    });
  }
});

async function link(
  stack: Parameters<typeof proxyJson>[0],
  tenant: E2eTenant,
  accountId: string,
  number: string,
) {
  await proxyJson(
    stack,
    tenant.tokens.bookkeeper,
    "PUT",
    `/v1/divisions/${DIVISION}/accounts/${accountId}/link`,
    {
      customerNumber: number,
    },
  );
}
