import { randomInt } from "node:crypto";
import { expectNoAxeViolations } from "./support/axe";
import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";
import { openOptionsPage } from "./support/options-page";
import { connectWithFailedFirstLoad, simulator } from "./support/simulator";
import { createTenant, proxyJson } from "./support/tenant";

// The options page's "Load now" is walked in bookkeeper-day.spec.ts; this is the toolbar popup's.
test.describe("Load now", () => {
  test("a division whose first load failed is loaded again from the popup, and the options page shows it loaded", async ({
    page,
    stack,
    backgroundWorker,
    extensionId,
  }) => {
    test.slow();
    const division = randomInt(5_000_000, 5_999_999);
    const name = `Coworking Brugge ${division} BV`;
    await simulator(stack, "POST", "/divisions", { code: division, name, accounts: 120, country: "BE" });
    const tenant = await createTenant(stack, "Load now");
    await connectWithFailedFirstLoad(stack, tenant.tokens.bookkeeper, division);
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
      language: "en",
    });

    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const item = page.getByRole("listitem").filter({ hasText: `${name} (${division})` });
    const loadNow = item.getByRole("button", { name: `Load now: the accounts of ${name}` });
    await expect(loadNow).toBeVisible();
    await expectNoAxeViolations(page);
    await loadNow.click();
    await expect(item.getByRole("status")).toHaveText(/^Loading accounts… \d+ read$/);
    await expect(item).toContainText("120 accounts", { timeout: 30_000 });
    await expect(loadNow).toHaveCount(0);
    expect(
      (
        await proxyJson<{ lastFullAt: string | null }>(
          stack,
          tenant.tokens.bookkeeper,
          "GET",
          `/v1/divisions/${division}/sync`,
        )
      ).lastFullAt,
    ).not.toBeNull();

    await openOptionsPage(page, extensionId);
    const row = page.locator(`[data-division="${division}"]`);
    await expect(row).toContainText("120 accounts loaded");
    await expect(row.getByRole("button", { name: `Load now: the accounts of ${name}` })).toHaveCount(0);
  });
});
