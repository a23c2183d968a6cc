import { expect, test } from "./support/extension-fixtures";
import { freePort } from "./support/free-port";
import { openOptionsPage } from "./support/options-page";

test.describe("the options page", () => {
  test("tests the connection to the proxy through the background worker", async ({
    page,
    extensionId,
    stack,
  }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill(`${stack.proxyUrl}/`);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Proxy" })).toHaveText(
      /^Proxy healthy \(version .+\)$/,
    );
  });

  test("reports a proxy that does not answer", async ({ page, extensionId }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill(`http://127.0.0.1:${await freePort()}`);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Proxy" })).toContainText("Proxy unreachable:");
  });

  test("refuses a remote proxy without https", async ({ page, extensionId }) => {
    await openOptionsPage(page, extensionId);
    await page.getByLabel("Proxy URL").fill("http://link.example.com");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toHaveText("Use https (plain http is only allowed for localhost).");
  });
});
