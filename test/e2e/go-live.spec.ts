import { readFileSync } from "node:fs";
import { expectNoAxeViolations } from "./support/axe";
import { insertExactAccount, mirrorChanges, putCustomer, uniqueNumber } from "./support/exact-data";
import { expect, storeExtensionSettings, test } from "./support/extension-fixtures";
import { openOptionsPage } from "./support/options-page";
import { connectedTenant, proxyJson } from "./support/tenant";

interface Settings {
  autoCreate: boolean;
  autoPush: boolean;
}

test.describe("the go-live review", () => {
  test("shows what match-or-create would do for every customer, filters, exports CSV, and switches the division on", async ({
    page,
    extensionContext,
    extensionId,
    stack,
    backgroundWorker,
  }) => {
    test.slow();
    // A tenant of its own: its customers are exactly the ones below.
    const tenant = await connectedTenant(stack, "Go-live review");
    const [linkable, prospect, fresh] = [uniqueNumber(), uniqueNumber(), uniqueNumber()];
    await insertExactAccount(stack, { Name: "Golive Linkable BV", SearchCode: linkable, Code: linkable });
    await insertExactAccount(stack, { Name: "Golive Prospect BV", SearchCode: prospect, Status: "P" });
    await mirrorChanges(stack, tenant);
    await putCustomer(stack, tenant, linkable, { name: "Golive Linkable", country: "NL" });
    await putCustomer(stack, tenant, prospect, { name: "Golive Prospect", country: "NL" });
    await putCustomer(stack, tenant, fresh, { name: "Brand New Coworking, Ltd", country: "GB" });
    const settingsPath = `/v1/divisions/${tenant.division}/settings`;
    await proxyJson(stack, tenant.tokens.bookkeeper, "PUT", settingsPath, {
      autoCreate: false,
      autoPush: false,
    });
    const { divisions } = await proxyJson<{ divisions: { division: number; name: string }[] }>(
      stack,
      tenant.tokens.bookkeeper,
      "GET",
      "/v1/divisions",
    );
    const name = divisions.find((division) => division.division === tenant.division)!.name;
    await storeExtensionSettings(backgroundWorker, {
      proxy: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper },
      language: "en",
    });

    await openOptionsPage(page, extensionId);
    const [review] = await Promise.all([
      extensionContext.waitForEvent("page"),
      page.getByRole("button", { name: `Go-live review of ${name}` }).click(),
    ]);
    await expect(review.getByRole("heading", { level: 1 })).toHaveText(
      `Go-live review — ${name} (${tenant.division})`,
    );
    await expect(review.getByRole("img", { name: /^zapfloor customers per outcome:/ })).toHaveAttribute(
      "aria-label",
      "zapfloor customers per outcome: Linked: 0, Will link: 1, Will create: 1, Needs review: 1, Conflict: 0, Unknown: 0",
    );
    const row = (number: string) => review.locator(`tr[data-customer="${number}"]`);
    await expect(row(linkable)).toContainText("Will link");
    await expect(row(linkable)).toContainText(`${linkable} · Golive Linkable BV`);
    await expect(row(linkable)).toContainText(`zapfloor number ${linkable} is this account's SearchCode.`);
    await expect(row(prospect)).toContainText("Needs review");
    await expect(row(prospect)).toContainText("not a customer (status prospect)");
    await expect(row(fresh)).toContainText("Will create");
    await expectNoAxeViolations(review);

    await review.getByRole("button", { name: "Needs review (1)" }).click();
    await expect(review.locator("tbody tr")).toHaveCount(1);
    await expect(row(prospect)).toBeVisible();
    await review.getByRole("button", { name: "All (3)" }).click();
    await expect(review.locator("tbody tr")).toHaveCount(3);

    const [download] = await Promise.all([
      review.waitForEvent("download"),
      review.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`go-live-review-${tenant.division}.csv`);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Customer number,Customer name,VAT number,Outcome,Exact account code,Exact account,Why",
    );
    expect(lines).toContain(`${fresh},"Brand New Coworking, Ltd",,Will create,,,Nothing matches.`);
    expect(lines.find((line) => line.startsWith(`${linkable},`))).toContain(
      `,Will link,${linkable},Golive Linkable BV,`,
    );

    // After the review, the division goes live from here.
    const switches = review.getByRole("region", { name: "Go live" });
    await expect(switches).toContainText("Auto-create is off");
    await switches.getByRole("button", { name: "Switch auto-create on" }).click();
    await expect(switches).toContainText(
      "Auto-create is on: customers that match nothing are created in Exact.",
    );
    await switches.getByRole("button", { name: "Switch auto-push on" }).click();
    await expect(switches).toContainText("Auto-push is on: accepted invoices are booked in Exact.");
    await expectNoAxeViolations(review);
    expect(await proxyJson<Settings>(stack, tenant.tokens.bookkeeper, "GET", settingsPath)).toMatchObject({
      autoCreate: true,
      autoPush: true,
    });

    for (const language of ["en", "nl", "fr"] as const) {
      await storeExtensionSettings(backgroundWorker, { language });
      await review.reload();
      await expect(review.locator("tbody tr")).toHaveCount(3);
      await review.screenshot({ path: test.info().outputPath(`go-live-${language}.png`), fullPage: true });
    }
    await expect(review.getByRole("heading", { level: 1 })).toHaveText(
      `Revue de mise en service — ${name} (${tenant.division})`,
    );
    await review.close();
  });
});
