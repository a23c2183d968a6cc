import { afterEach, describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { answer, giveConsent, type SendToProxy } from "../testing/browser-consent";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";

let harness: SimHarness;
afterEach(async () => harness?.close());

const send: SendToProxy = async (path, init) => harness.app.request(path, init);

/** A request from the browser holding `cookie`, whose preferred languages are `acceptLanguage`. */
const fromBrowser = (cookie: string, acceptLanguage?: string) => ({
  headers: { cookie, ...(acceptLanguage ? { "accept-language": acceptLanguage } : {}) },
});

describe("the language of the consent pages", () => {
  it("is the one the consent was started with, carried to the pages after Exact's redirect", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme Coworking" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper, "&lang=nl");

    // The browser prefers French, but the bookkeeper's extension speaks Dutch.
    const confirm = await send(consent.callbackPath, fromBrowser(consent.cookie, "fr-BE,fr;q=0.9"));
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain("Exact Online verbinden met Acme Coworking?");
    expect(page).toContain('<button type="submit" name="decision" value="connect">Verbinden</button>');

    const connected = await (await answer(send, consent)).text();
    expect(connected).toContain('<html lang="nl">');
    expect(connected).toContain("<h1>Exact Online is verbonden</h1>");
    expect(connected).toContain("<summary>Browserextensie aanmelden</summary>");

    // A refusal of the same consent speaks it too.
    const again = await send(consent.callbackPath, fromBrowser(consent.cookie));
    expect(again.status).toBe(400);
    const refused = await again.text();
    expect(refused).toContain("Deze toestemming voor Exact Online is al gebruikt of verlopen.");
    expect(refused).toContain("Begin opnieuw vanuit de instellingen van de extensie.");
  });

  it("follows the browser's Accept-Language when none was carried, else English", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme Coworking" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper);

    // Another browser, preferring French over Dutch by q-value: refused, in French.
    const elsewhere = await send(consent.callbackPath, fromBrowser("", "nl;q=0.5, fr-BE;q=0.9, en;q=0.1"));
    expect(elsewhere.status).toBe(403);
    const refusal = await elsewhere.text();
    expect(refusal).toContain('<html lang="fr">');
    expect(refusal).toContain("Cette autorisation Exact Online a été commencée dans un autre navigateur ;");

    const confirm = await send(consent.callbackPath, fromBrowser(consent.cookie, "de-DE,de;q=0.9"));
    const page = await confirm.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Connect Exact Online to Acme Coworking?");

    const cancelled = await send("/exact/consent", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...fromBrowser(consent.cookie, "nl-BE").headers,
      },
      body: new URLSearchParams({ state: consent.state, decision: "cancel" }).toString(),
    });
    expect(await cancelled.text()).toContain("U hebt de verbinding geannuleerd.");
  });

  it("says in the bookkeeper's language that Exact gave no consent, with Exact's own words escaped", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const consent = await giveConsent(send, tenant.tokens.bookkeeper, "&lang=fr");
    const refused = await send(
      `/exact/callback?${new URLSearchParams({
        state: consent.state,
        error: "access_denied",
        error_description: "<b>The user denied access.</b>",
      })}`,
      fromBrowser(consent.cookie),
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Exact Online n&#39;a pas donné d&#39;autorisation.");
    expect(page).toContain("« &lt;b&gt;The user denied access.&lt;/b&gt; »");
  });

  it("refuses a language the pages do not speak", async () => {
    harness = await startSimHarness();
    const tenant = await createTenant(harness.deps, { name: "Acme" });
    const started = await send("/v1/exact/connect?format=json&lang=de", {
      headers: { authorization: `Bearer ${tenant.tokens.bookkeeper}` },
    });
    expect(started.status).toBe(400);
  });
});
