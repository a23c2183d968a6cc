import { reasonCodes } from "@zapfloor-exact/shared/schemas/matching";
import { describe, expect, it } from "vitest";
import { localeOf, resolveLocale } from "./locale";
import { en, type MessageId } from "./messages/en";
import { fr } from "./messages/fr";
import { nl } from "./messages/nl";
import { createTranslator } from "./translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it.each([
    ["nl", nl],
    ["fr", fr],
  ])("%s uses the same placeholders as English in every message", (_, catalog) => {
    for (const id of Object.keys(en) as MessageId[]) {
      expect({ id, placeholders: placeholders(catalog[id]) }).toEqual({
        id,
        placeholders: placeholders(en[id]),
      });
    }
  });

  it("has a text for every reason code the proxy gives", () => {
    const ids = new Set(Object.keys(en));
    expect(reasonCodes.filter((code) => !ids.has(`reason.${code}`))).toEqual([]);
  });

  it("fills in the placeholders", () => {
    expect(createTranslator("nl")("panel.summary.linked", { number: "1042" })).toBe("Gekoppeld aan 1042");
    expect(createTranslator("fr")("overview.preview.confirm", { count: 3 })).toBe("Lier 3 tiers");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(createTranslator("en")("panel.summary.linked")).toBe("Linked to {number}");
  });
});

describe("the language", () => {
  it.each([
    ["nl-NL", "nl"],
    ["nl_BE", "nl"],
    ["FR", "fr"],
    ["en-GB", "en"],
    ["de-DE", null],
    ["", null],
    [null, null],
  ])("of the tag %j is %j", (tag, locale) => {
    expect(localeOf(tag)).toBe(locale);
  });

  it.each([
    ["fr", "nl", "en-US", "fr"],
    ["auto", "nl", "fr-FR", "nl"],
    ["auto", null, "fr-FR", "fr"],
    ["auto", null, "de-DE", "en"],
  ] as const)("chosen %s, Exact %s, browser %s: %s", (preference, exact, browserLanguage, locale) => {
    expect(resolveLocale(preference, exact, browserLanguage)).toBe(locale);
  });
});
