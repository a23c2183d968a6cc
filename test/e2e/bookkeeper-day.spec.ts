import { insertExactAccount, type SimAccount, uniqueNumber } from "./support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "./support/exact-pages";
import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";
import { openOptionsPage } from "./support/options-page";
import { accountPanel } from "./support/panel";
import type { E2eStack } from "./support/stack";
import { connectExact, createTenant, proxyJson } from "./support/tenant";

/** The sandbox's Belgian demo division: a division of its own, so its first load can be made to fail. */
const DIVISION = 2345678;
const DIVISION_NAME = "Coworking Gent BV";

interface SyncState {
  status: string;
  lastFullAt: string | null;
}
interface Entry {
  state: string;
  paid: { status: string };
  exact: { entryId: string | null };
}

const sim = (stack: E2eStack, method: string, path: string, body?: unknown) =>
  fetch(`${stack.simUrl}/__sim${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

test.describe("a bookkeeper's day", () => {
  test("a loaded division, bookings set up with pickers, an invoice that needs review resolved, pushed and paid", async ({
    page,
    stack,
    backgroundWorker,
    extensionId,
  }) => {
    test.slow();
    // A tenant of its own: the consent starts the first load of every division, as the browser's consent does.
    // (A failed first load, which the options page offers to load again, is not staged here: a simulator fault
    // would hold up the other workers' tenants, which share the simulator.)
    const tenant = await createTenant(stack, "A bookkeeper's day");
    await connectExact(stack, tenant.tokens.bookkeeper);
    await expect
      .poll(
        async () =>
          (
            await proxyJson<SyncState>(
              stack,
              tenant.tokens.bookkeeper,
              "GET",
              `/v1/divisions/${DIVISION}/sync`,
            )
          ).lastFullAt,
        { timeout: 60_000 },
      )
      .not.toBeNull();
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
      language: "en",
    });

    await test.step("the options page shows the loaded division and what it lacks", async () => {
      await openOptionsPage(page, extensionId);
      const row = page.locator(`[data-division="${DIVISION}"]`);
      await expect(row).toContainText(/\d+ accounts loaded/);
      await expect(
        row.getByRole("button", { name: `Load the accounts of ${DIVISION_NAME} now` }),
      ).toHaveCount(0);
      await expect(row.locator("[data-readiness]")).toHaveText(
        "Cannot take invoices yet. Missing: a sales journal, revenue G/L accounts, VAT codes.",
      );
    });

    await test.step("set up bookings with pickers filled from the division", async () => {
      await page.getByRole("button", { name: `Set up bookings for ${DIVISION_NAME}` }).click();
      const form = page.getByRole("form", { name: "Booking settings" });
      await expect(form.getByRole("combobox", { name: "Sales journal", exact: true })).toBeVisible({
        timeout: 30_000,
      });
      await form
        .getByRole("combobox", { name: "Sales journal", exact: true })
        .selectOption({ label: "70 — Verkoopdagboek" });
      await form
        .getByRole("combobox", { name: "Credit-note journal", exact: true })
        .selectOption({ label: "71 — Creditnota's verkoop" });
      // Only sales journals are offered: not the purchase journal 60.
      const journals = await form
        .getByRole("combobox", { name: "Sales journal", exact: true })
        .locator("option")
        .allTextContents();
      expect(journals).toEqual(["— not set —", "70 — Verkoopdagboek", "71 — Creditnota's verkoop"]);
      await form.getByRole("button", { name: "Add a row" }).first().click();
      await form.getByLabel("Revenue key 1").fill("desk");
      await form.getByLabel("G/L account 1", { exact: true }).fill("700100");
      await expect(form.locator(".zfx-bookings__picker .zfx-muted")).toHaveText("Omzet flexplekken");
      await form.getByRole("button", { name: "Add a row" }).nth(1).click();
      await form.getByLabel("VAT rate (%) 1").fill("21");
      const vat = form.getByRole("combobox", { name: "VAT code 1", exact: true });
      await vat.selectOption({ index: 0 });
      const highRate = await vat.locator("option", { hasText: "21%" }).first().getAttribute("value");
      await vat.selectOption(highRate!);
      await form.getByRole("button", { name: "Save booking settings" }).click();
      await expect(form.getByText("Booking settings saved.")).toBeVisible();
      await expect(page.locator(`[data-division="${DIVISION}"] [data-readiness]`)).toHaveCount(0);
    });

    const number = uniqueNumber();
    const invoiceNumber = `DAY-${number}`;
    let prospect: SimAccount | undefined;
    const openAccountPage = async () => {
      await serveSavedExactPages(page, "start.exactonline.be");
      await page.goto(
        accountPageUrl("start.exactonline.be", "CRMAccountCard.aspx", "{…}", {
          division: DIVISION,
          accountId: prospect!.id,
        }),
      );
      return accountPanel(page);
    };
    await test.step("an invoice whose customer only matches a prospect waits in Needs attention", async () => {
      prospect = await insertExactAccount(
        stack,
        { Name: "Prospect Gent BV", SearchCode: number, Status: "P" },
        DIVISION,
      );
      await proxyJson(stack, tenant.tokens.bookkeeper, "POST", `/v1/divisions/${DIVISION}/sync?wait=true`, {
        kind: "incremental",
      });
      await proxyJson(
        stack,
        tenant.tokens.integration,
        "PUT",
        `/v1/divisions/${DIVISION}/sales-entries/${invoiceNumber}`,
        {
          type: "invoice",
          date: "2026-11-02",
          customer: { number, name: "Prospect Gent", country: "BE" },
          lines: [
            { description: "Flex desk, November", amount: "100.00", vatRate: "21", revenueKey: "desk" },
          ],
          totalInclVat: "121.00",
        },
      );
      await expect
        .poll(
          async () =>
            (
              await proxyJson<Entry>(
                stack,
                tenant.tokens.bookkeeper,
                "GET",
                `/v1/divisions/${DIVISION}/sales-entries/${invoiceNumber}`,
              )
            ).state,
          { timeout: 30_000 },
        )
        .toBe("needs_review");

      await page.goto(`chrome-extension://${extensionId}/overview.html?division=${DIVISION}`);
      await page.getByRole("tab", { name: "Needs attention" }).click();
      const item = page.locator(`[data-invoice="${invoiceNumber}"]`);
      await expect(item).toContainText(
        `Invoice ${invoiceNumber} waits: customer ${number} needs linking by hand.`,
      );
      await expect(item.getByRole("button", { name: "Show Prospect Gent BV" })).toBeVisible();
      // The cause is still there: the retry refuses and says why.
      await item.getByRole("button", { name: "Retry" }).click();
      await expect(item.getByRole("alert")).toContainText("would not get through yet");
    });

    await test.step("the prospect's account panel shows the waiting invoice among its open problems", async () => {
      const panel = await openAccountPage();
      await expect(panel.getByRole("list", { name: "Open problems" })).toHaveText(
        `Invoice ${invoiceNumber} waits: customer ${number} needs linking by hand.`,
      );
      await expect(panel.getByRole("heading", { name: "Latest invoices" })).toHaveCount(0);
    });

    await test.step("fix its cause in the settings, retry, see it pushed and later paid", async () => {
      await openOptionsPage(page, extensionId);
      await page.getByRole("button", { name: `Set up bookings for ${DIVISION_NAME}` }).click();
      const form = page.getByRole("form", { name: "Booking settings" });
      await form
        .getByRole("combobox", { name: "When only a prospect or supplier matches", exact: true })
        .selectOption({ label: "Make it a customer and link it" });
      await form.getByRole("button", { name: "Save booking settings" }).click();
      await expect(form.getByText("Booking settings saved.")).toBeVisible();

      await page.goto(`chrome-extension://${extensionId}/overview.html?division=${DIVISION}`);
      await page.getByRole("tab", { name: "Needs attention" }).click();
      const item = page.locator(`[data-invoice="${invoiceNumber}"]`);
      await item.getByRole("button", { name: "Retry" }).click();
      await expect(page.getByText(`Invoice ${invoiceNumber} is queued again.`)).toBeVisible();
      const entryPath = `/v1/divisions/${DIVISION}/sales-entries/${invoiceNumber}`;
      await expect
        .poll(async () => (await proxyJson<Entry>(stack, tenant.tokens.bookkeeper, "GET", entryPath)).state, {
          timeout: 30_000,
        })
        .toBe("pushed");
      await page.reload();
      await page.getByRole("tab", { name: "Needs attention" }).click();
      await expect(page.locator(`[data-invoice="${invoiceNumber}"]`)).toHaveCount(0);

      const { exact } = await proxyJson<Entry>(stack, tenant.tokens.bookkeeper, "GET", entryPath);
      const paid = await sim(stack, "POST", `/divisions/${DIVISION}/sales-entries/${exact.entryId}/paid`, {});
      expect(paid.ok).toBe(true);
      await expect
        .poll(
          async () => (await proxyJson<Entry>(stack, tenant.tokens.bookkeeper, "GET", entryPath)).paid.status,
          {
            timeout: 60_000,
          },
        )
        .toBe("paid");
    });

    await test.step("the account panel shows the invoice in Exact and paid, and no open problem", async () => {
      const panel = await openAccountPage();
      await expect(panel.getByTestId("linked-number")).toHaveText(number);
      await expect(panel.locator(`li[data-invoice="${invoiceNumber}"]`)).toHaveText(
        `${invoiceNumber} · 121.00 EUR · in Exact · paid`,
      );
      await expect(panel.getByRole("list", { name: "Open problems" })).toHaveCount(0);
    });
  });
});
