// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readExactPageLocale } from "./exact-page-language";

const HOST_PAGES = path.resolve(import.meta.dirname, "../../../test/fixtures/host-pages");
const saved = (file: string, edit: (html: string) => string = (html) => html) =>
  new DOMParser().parseFromString(edit(readFileSync(path.join(HOST_PAGES, file), "utf8")), "text/html");

describe("readExactPageLocale", () => {
  it.each(["crm-account-card.html", "crm-account.html"])("reads <html lang> of the saved %s", (file) => {
    expect(readExactPageLocale(saved(file), "start.exactonline.be")).toBe("en");
  });

  it.each([
    ["nl-NL", "nl"],
    ["fr-BE", "fr"],
    ["de-DE", null],
  ])("reads lang=%s as %s, whatever the host", (lang, locale) => {
    const page = saved("crm-account-card.html", (html) =>
      html.replace('<html lang="en">', `<html lang="${lang}">`),
    );
    expect(readExactPageLocale(page, "start.exactonline.nl")).toBe(locale);
  });

  it("reads a Content-Language meta tag when the page has no lang", () => {
    const page = saved("crm-account.html", (html) =>
      html
        .replace('<html lang="en">', "<html>")
        .replace("<head>", '<head><meta http-equiv="Content-Language" content="fr">'),
    );
    expect(readExactPageLocale(page, "start.exactonline.nl")).toBe("fr");
  });

  it.each([
    ["start.exactonline.nl", "nl"],
    ["start.exactonline.fr", "fr"],
    ["start.exactonline.co.uk", "en"],
    ["start.exactonline.be", null],
    ["start.exactonline.de", null],
  ] as const)("falls back on the host: %s is %s", (host, locale) => {
    const page = saved("crm-account-card.html", (html) => html.replace('<html lang="en">', "<html>"));
    expect(readExactPageLocale(page, host)).toBe(locale);
  });
});
