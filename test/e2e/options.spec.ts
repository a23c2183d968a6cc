import { expectNoAxeViolations } from "./support/axe";
import { clearExtensionStorage, expect, test } from "./support/extension-fixtures";
import { freePort } from "./support/free-port";
import { openOptionsPage, saveProxySettings } from "./support/options-page";

test.describe("the options page", () => {
  test.beforeEach(async ({ backgroundWorker }) => {
    await clearExtensionStorage(backgroundWorker);
  });

  test("tests the connection to the proxy and the token", async ({ page, extensionId, stack, tenant }) => {
    await openOptionsPage(page, extensionId);
    const health = page.locator("[data-health]");
    await page.getByLabel("Proxy URL").fill(`${stack.proxyUrl}/`);
    await page.getByLabel("Bookkeeper token").fill("wrong-token");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(health).toHaveText(
      /^Proxy reachable \(version .+\), but it refused the bookkeeper token\.$/,
    );

    await page.getByLabel("Bookkeeper token").fill(tenant.tokens.bookkeeper);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(health).toHaveText(/^Proxy healthy \(version .+\)$/);
  });

  test("reports a proxy that does not answer", async ({ page, extensionId }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill(`http://127.0.0.1:${await freePort()}`);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.locator("[data-health]")).toContainText("Proxy unreachable:");
  });

  test("refuses a remote proxy without https", async ({ page, extensionId }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill("http://link.example.com");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByLabel("Proxy URL")).toHaveAccessibleDescription(
      "Use https (plain http is only allowed for localhost).",
    );
  });

  test("shows the Exact connection and starts a new consent", async ({
    page,
    extensionId,
    extensionContext,
    stack,
    tenant,
  }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill(stack.proxyUrl);
    await page.getByLabel("Bookkeeper token").fill(tenant.tokens.bookkeeper);
    await page.getByRole("button", { name: "Save" }).click();

    const exact = page.getByRole("region", { name: "Exact Online" });
    await expect(exact.locator("[data-connection=active]")).toContainText(
      "Connected to start.exactonline.nl as",
    );
    await expect(exact).toContainText(`(${tenant.division}) — synced`);

    await exact.getByLabel("Exact Online country").selectOption("start.exactonline.be");
    const [consent] = await Promise.all([
      extensionContext.waitForEvent("page"),
      exact.getByRole("button", { name: "Connect Exact Online" }).click(),
    ]);
    // The simulator consents by itself and sends the browser back to the proxy, which asks before storing.
    await consent.waitForURL(/\/exact\/callback\?/);
    await expect(consent.getByRole("heading", { name: /^Connect Exact Online to / })).toBeVisible();
    await consent.getByRole("button", { name: "Connect" }).click();
    await expect(consent.getByRole("heading", { name: "Exact Online is connected" })).toBeVisible();
    await consent.close();
    await page.reload();
    await expect(exact.locator("[data-connection=active]")).toContainText(
      "Connected to start.exactonline.be as",
    );
  });

  test("starts the consent in its own language: the proxy's pages after Exact's consent speak Dutch", async ({
    page,
    extensionId,
    extensionContext,
    stack,
    tenant,
  }) => {
    await saveProxySettings(page, extensionId, { url: stack.proxyUrl, token: tenant.tokens.bookkeeper });
    await page.getByLabel("Language").selectOption("nl");
    const exact = page.getByRole("region", { name: "Exact Online" });
    await expect(exact.locator("[data-connection=active]")).toContainText("Verbonden met");
    const [consent] = await Promise.all([
      extensionContext.waitForEvent("page"),
      exact.getByRole("button", { name: "Exact Online verbinden" }).click(),
    ]);
    // The browser asks for English (Accept-Language); the language the consent was started with wins.
    await consent.waitForURL(/\/exact\/callback\?/);
    await expect(consent.locator("html")).toHaveAttribute("lang", "nl");
    await expect(consent.getByRole("heading", { name: /^Exact Online verbinden met .+\?$/ })).toBeVisible();
    await expect(consent.getByText(/Exact Online-administraties lezen en wijzigen/)).toBeVisible();
    await consent.getByRole("button", { name: "Verbinden" }).click();
    await expect(consent.getByRole("heading", { name: "Exact Online is verbonden" })).toBeVisible();
    await consent.getByText("Browserextensie aanmelden").click();
    await expect(consent.locator("[data-pairing-code]")).toBeVisible();
    await expect(consent.getByText("De code werkt één keer, 10 minuten lang.")).toBeVisible();
    await expectNoAxeViolations(consent);
    await consent.close();
  });

  test("switches the language", async ({ page, extensionId }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Language").selectOption("nl");
    await expect(page.getByRole("heading", { name: "zapfloor-koppeling voor Exact Online" })).toBeVisible();
    await page.getByLabel("Taal").selectOption("fr");
    await expect(page.getByRole("heading", { name: "Liaison zapfloor pour Exact Online" })).toBeVisible();
    await page.getByLabel("Langue").selectOption("auto");
  });
});
