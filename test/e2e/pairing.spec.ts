import { expectNoAxeViolations } from "./support/axe";
import { clearExtensionStorage, expect, test } from "./support/extension-fixtures";
import { openOptionsPage } from "./support/options-page";
import { createTenant, proxyJson } from "./support/tenant";

test.describe("pairing in one step", () => {
  test.beforeEach(async ({ backgroundWorker }) => {
    await clearExtensionStorage(backgroundWorker);
  });

  test("the proxy's connected page shows a code; the options page exchanges it for the bookkeeper token", async ({
    page,
    extensionContext,
    extensionId,
    stack,
  }) => {
    const tenant = await createTenant(stack, "Coworking Pairing BV");
    const { authorizeUrl } = await proxyJson<{ authorizeUrl: string }>(
      stack,
      tenant.tokens.bookkeeper,
      "GET",
      "/v1/exact/connect?format=json&host=start.exactonline.nl",
    );

    // The bookkeeper's browser tab: the proxy's consent link, Exact's (simulated) consent, the confirmation.
    const proxyTab = await extensionContext.newPage();
    await proxyTab.goto(authorizeUrl);
    await proxyTab.getByRole("button", { name: "Connect" }).click();
    await expect(proxyTab.getByRole("heading", { name: "Exact Online is connected" })).toBeVisible();
    const code = proxyTab.locator("[data-pairing-code]");
    await expect(code).toBeHidden();
    await proxyTab.getByText("Pair the browser extension").click();
    await expect(code).toBeVisible();
    const pairingCode = (await code.textContent())!;
    const proxyUrl = (await proxyTab.locator("[data-proxy-url]").textContent())!;
    // The proxy's public URL (localhost in the e2e stack), which reaches the same proxy.
    expect(new URL(proxyUrl).port).toBe(new URL(stack.proxyUrl).port);
    await proxyTab.close();

    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill(proxyUrl);
    await page.getByLabel("Pairing code").fill(pairingCode.toLowerCase());
    await page.getByRole("button", { name: "Pair", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Paired with" })).toHaveText(
      "Paired with Coworking Pairing BV. The bookkeeper token is saved.",
    );
    await expect(page.getByLabel("Bookkeeper token")).not.toHaveValue("");
    await expectNoAxeViolations(page);
    // The saved token works: the options page reads the tenant's Exact connection with it.
    await expect(
      page.getByRole("region", { name: "Exact Online" }).locator("[data-connection=active]"),
    ).toContainText("Connected to start.exactonline.nl as");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.locator("[data-health]")).toHaveText(/^Proxy healthy \(version .+\)$/);

    // The code works once.
    await page.getByLabel("Pairing code").fill(pairingCode);
    await page.getByRole("button", { name: "Pair", exact: true }).click();
    await expect(page.locator("[data-pairing] [role=alert]")).toHaveText(
      "This pairing code is not valid, was used already or has expired. Ask for a new one.",
    );
    await expectNoAxeViolations(page);
  });
});
