import { describe, expect, it } from "vitest";
import { confirmConsentPage } from "./confirm-consent-page";
import { connectedPage } from "./connected-page";
import type { PageLanguage } from "./page-language";
import type { PageProblem } from "./page-messages";

const PROBLEMS: PageProblem[] = [
  "cancelled",
  "gone",
  "other_browser",
  "already_received",
  "not_given",
  "not_accepted",
  "no_preview",
  "app_rejected",
  "failed",
];

/** Every page the consent shows, by a name, as rendered in a language. */
const PAGES: Record<string, (lang: PageLanguage) => unknown> = {
  confirm: (lang) =>
    confirmConsentPage(lang, {
      state: "k3Jx9QyZ2vR7tW1m",
      tenantName: "Acme Coworking",
      preview: {
        userId: "5f1c",
        userName: "Sanne de Vries",
        currentDivision: 3456789,
        divisions: [{ division: 3456789, name: "Coworking Brussel BV", country: "BE", isCurrent: true }],
      },
    }),
  "confirm without a user name": (lang) =>
    confirmConsentPage(lang, {
      state: "k3Jx9QyZ2vR7tW1m",
      tenantName: "Acme Coworking",
      preview: { userId: null, userName: null, currentDivision: 3456789, divisions: [] },
    }),
  connected: (lang) =>
    connectedPage(lang, {
      ok: true,
      user: "Sanne de Vries",
      divisions: [{ division: 3456789, name: "Coworking Brussel BV" }],
      pairing: { code: "K7QM-3XPA", expiresAt: 0, proxyUrl: "https://link.example.com" },
    }),
  ...Object.fromEntries(
    PROBLEMS.map((problem) => [
      `not connected: ${problem}`,
      (lang: PageLanguage) =>
        connectedPage(lang, { ok: false, problem, exactMessage: "The user denied access." }),
    ]),
  ),
};

/** The texts a reader sees: what stands between tags, outside the page's style. */
const textsOf = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .split(/<[^>]*>/)
    .map((text) => text.replace(/\s+/g, " ").trim())
    .filter((text) => /\p{L}/u.test(text));

/** What the pages show as given (names, codes, Exact's own words): the same in every language. */
const VALUES = [
  "Acme Coworking",
  "Sanne de Vries",
  "Coworking Brussel BV",
  "(3456789)",
  "K7QM-3XPA",
  "https://link.example.com",
  "The user denied access.",
];

describe("the consent pages in Dutch and French", () => {
  for (const [name, render] of Object.entries(PAGES)) {
    it(`${name}: no English text is left`, () => {
      const english = textsOf(String(render("en"))).filter((text) => !VALUES.includes(text));
      expect(english.length).toBeGreaterThan(2);
      for (const lang of ["nl", "fr"] as const) {
        const page = String(render(lang));
        expect(page).toContain(`<html lang="${lang}">`);
        const texts = textsOf(page);
        for (const text of english) {
          expect(texts, `${lang}: "${text}"`).not.toContain(text);
          // A sentence (not a one-word label such as a button) must not hide inside a longer text either.
          if (text.split(" ").length > 2) expect(page, `${lang}: "${text}"`).not.toContain(text);
        }
      }
    });
  }

  it("uses Exact's own words: administratie in Dutch, dossier in French", () => {
    expect(String(PAGES.confirm!("nl"))).toContain("Exact Online-administraties");
    expect(String(PAGES.connected!("nl"))).toContain("administraties");
    expect(String(PAGES.confirm!("fr"))).toContain("dossiers Exact Online");
    expect(String(PAGES.connected!("fr"))).toContain("dossiers");
    expect(String(PAGES.connected!("en"))).toContain('<html lang="en">');
  });

  it("names the extension's own labels for pairing, as its options page shows them", () => {
    const nl = String(PAGES.connected!("nl"));
    expect(nl).toContain("<summary>Browserextensie aanmelden</summary>");
    expect(nl).toContain("Aanmelden met een code");
    expect(nl).toContain("De code werkt één keer, 10 minuten lang.");
    const fr = String(PAGES.connected!("fr"));
    expect(fr).toContain("<summary>Associer l&#39;extension du navigateur</summary>");
    expect(fr).toContain("« Associer avec un code »");
    expect(fr).toContain("pendant 10 minutes.");
  });

  it("says to start again, unless the proxy's Exact app registration is at fault", () => {
    expect(String(PAGES["not connected: gone"]!("en"))).toContain(
      "Start again from the extension&#39;s options page.",
    );
    expect(String(PAGES["not connected: app_rejected"]!("en"))).not.toContain("Start again");
  });

  it("escapes what it is given in every language", () => {
    for (const lang of ["en", "nl", "fr"] as const) {
      const confirm = String(
        confirmConsentPage(lang, {
          state: '"><script>x()</script>',
          tenantName: "<img src=x onerror=alert(1)>",
          preview: {
            userId: null,
            userName: "<b>user</b>",
            currentDivision: 1,
            divisions: [{ division: 1, name: "<i>div</i>", country: null, isCurrent: true }],
          },
        }),
      );
      const refused = String(
        connectedPage(lang, { ok: false, problem: "not_given", exactMessage: "<script>x()</script>" }),
      );
      for (const page of [confirm, refused]) {
        expect(page).not.toMatch(/<script>|<img|<b>user|<i>div/);
      }
      expect(confirm).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(refused).toContain("&lt;script&gt;x()&lt;/script&gt;");
    }
  });
});
