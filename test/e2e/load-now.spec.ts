import { randomInt } from "node:crypto";
import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";
import { openOptionsPage } from "./support/options-page";
import type { E2eStack } from "./support/stack";
import { connectExact, createTenant, proxyJson } from "./support/tenant";

interface SyncState {
  status: string;
  lastFullAt: string | null;
}

const sim = async (stack: E2eStack, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${stack.simUrl}/__sim${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
};

test.describe("Load now", () => {
  test("a division whose first load failed is loaded again from the options page, and the popup shows it loaded", async ({
    page,
    stack,
    backgroundWorker,
    extensionId,
  }) => {
    test.slow();
    // A division of this test alone, so that making its first load fail holds up no other spec's tenant.
    const division = randomInt(5_000_000, 5_999_999);
    const name = `Coworking Brugge ${division} BV`;
    await sim(stack, "POST", "/divisions", { code: division, name, accounts: 120, country: "BE" });
    const fault = await sim(stack, "POST", "/faults", {
      path: "*Accounts*",
      division,
      action: "status",
      status: 503,
    });
    const tenant = await createTenant(stack, "Load now");
    const syncPath = `/v1/divisions/${division}/sync`;
    try {
      await connectExact(stack, tenant.tokens.bookkeeper);
      await expect
        .poll(
          async () => (await proxyJson<SyncState>(stack, tenant.tokens.bookkeeper, "GET", syncPath)).status,
          {
            timeout: 90_000,
          },
        )
        .toBe("failed");
    } finally {
      await sim(stack, "DELETE", `/faults/${fault.id}`);
    }
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
      language: "en",
    });

    await openOptionsPage(page, extensionId);
    const row = page.locator(`[data-division="${division}"]`);
    await expect(row).toContainText("Accounts not loaded yet.");
    await row.getByRole("button", { name: `Load the accounts of ${name} now` }).click();
    await expect(row).toContainText("120 accounts loaded", { timeout: 30_000 });
    await expect(row.getByRole("button", { name: `Load the accounts of ${name} now` })).toHaveCount(0);
    expect(
      (await proxyJson<SyncState>(stack, tenant.tokens.bookkeeper, "GET", syncPath)).lastFullAt,
    ).not.toBeNull();

    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const item = page.getByRole("listitem").filter({ hasText: `${name} (${division})` });
    await expect(item).toContainText("120 accounts loaded");
    await expect(item.getByRole("button", { name: `Load the accounts of ${name} now` })).toHaveCount(0);
  });
});
