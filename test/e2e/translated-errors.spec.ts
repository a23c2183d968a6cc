import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";

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
});
