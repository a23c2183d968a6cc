import { randomUUID } from "node:crypto";
import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";
import { accountPanel } from "./support/panel";

test.describe("the proxy's errors in the bookkeeper's language", () => {
  test("a G/L account the division does not have is refused in Dutch, with the valid ones listed", async ({
    page,
    backgroundWorker,
    extensionId,
    stack,
    tenant,
  }) => {
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
      language: "nl",
    });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole("button", { name: "Boekingen instellen voor Flexwerk Amsterdam B.V." }).click();
    const form = page.getByRole("form", { name: "Boekingsinstellingen" });
    await expect(form.getByRole("button", { name: "Regel toevoegen" }).first()).toBeVisible({
      timeout: 30_000,
    });
    await form.getByRole("button", { name: "Regel toevoegen" }).first().click();
    await form.getByLabel("Omzetsleutel 1").fill("bureau");
    await form.getByLabel("Grootboekrekening 1", { exact: true }).fill("9999");
    await form.getByRole("button", { name: "Boekingsinstellingen opslaan" }).click();

    const refused = form.getByRole("alert");
    await expect(refused.locator("[data-problems] li")).toHaveText([
      /^Grootboekrekening 9999 bestaat niet in deze administratie\. Omzetgrootboekrekeningen van deze administratie: 8000 \(.+\)/,
    ]);
    // Nothing of it is left to the proxy's English.
    await expect(refused.locator("[lang=en]")).toHaveCount(0);
    await expect(refused).not.toContainText("does not exist");
  });

  test("a VAT rate the proxy cannot read is refused in Dutch and French, naming the field and what it expects", async ({
    page,
    backgroundWorker,
    extensionId,
    stack,
    tenant,
  }) => {
    const field = "body.vatMapping.rates.abc";
    for (const [language, names, expected] of [
      [
        "nl",
        {
          open: "Boekingen instellen voor Flexwerk Amsterdam B.V.",
          form: "Boekingsinstellingen",
          add: "Regel toevoegen",
          rate: "Btw-tarief (%) 1",
          code: "Btw-code 1",
          save: "Boekingsinstellingen opslaan",
        },
        `${field} heeft niet de verwachte vorm: een btw-percentage, bv. 21 of 5.5.`,
      ],
      [
        "fr",
        {
          open: "Configurer les écritures de Flexwerk Amsterdam B.V.",
          form: "Paramètres des écritures",
          add: "Ajouter une ligne",
          rate: "Taux de TVA (%) 1",
          code: "Code TVA 1",
          save: "Enregistrer les paramètres des écritures",
        },
        `${field} n'a pas la forme attendue : un taux de TVA en pour cent, p. ex. 21 ou 5.5.`,
      ],
    ] as const) {
      await storeExtensionSettings(backgroundWorker, {
        proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
        language,
      });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.getByRole("button", { name: names.open }).click();
      const form = page.getByRole("form", { name: names.form });
      const addRow = form.getByRole("button", { name: names.add }).nth(1);
      await expect(addRow).toBeVisible({ timeout: 30_000 });
      await addRow.click();
      await form.getByLabel(names.rate, { exact: true }).fill("abc");
      await form.getByLabel(names.code, { exact: true }).selectOption({ index: 1 });
      await form.getByRole("button", { name: names.save }).click();

      // The proxy's schema refuses it (400 `invalid_request`); the notice words the field's problem by its code.
      const refused = form.getByRole("alert");
      await expect(refused.locator("[data-problems] li")).toHaveText([expected]);
      await expect(refused.locator("[lang=en]")).toHaveCount(0);
      await expect(refused).not.toContainText("must be");
    }
  });

  test("an account the proxy's copy of the division does not hold is said in Dutch and French, without the proxy's English", async ({
    page,
    backgroundWorker,
    stack,
    tenant,
  }) => {
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
      panelCollapsed: false,
      language: "nl",
    });
    await serveSavedExactPages(page, "start.exactonline.nl");
    const unknown = { division: tenant.division, accountId: randomUUID() };
    await page.goto(accountPageUrl("start.exactonline.nl", "CRMAccountCard.aspx", "{…}", unknown));

    // The proxy answers 404 `account_not_in_mirror`; the notice words it from its reason and params.
    const dutch = accountPanel(page, "zapfloor-koppeling").getByRole("alert");
    await expect(dutch.locator("[data-reason=account_not_in_mirror]")).toHaveText(
      `De kopie van administratie ${tenant.division} in de proxy bevat deze Exact-relatie niet; is ze nieuw, dan komt ze mee met de volgende synchronisatie.`,
    );
    await expect(dutch.locator("[lang=en]")).toHaveCount(0);
    await expect(dutch).not.toContainText("mirror");

    await storeExtensionSettings(backgroundWorker, { language: "fr" });
    const french = accountPanel(page, "Liaison zapfloor").getByRole("alert");
    await expect(french.locator("[data-reason=account_not_in_mirror]")).toHaveText(
      `La copie du dossier ${tenant.division} dans le proxy ne contient pas ce tiers Exact ; s'il est nouveau, la prochaine synchronisation l'apportera.`,
    );
    await expect(french.locator("[lang=en]")).toHaveCount(0);
  });
});
