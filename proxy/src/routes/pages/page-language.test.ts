import { describe, expect, it } from "vitest";
import { pageLanguageOf, pickPageLanguage } from "./page-language";

describe("the consent pages' language", () => {
  it("knows en, nl and fr by their primary tag", () => {
    expect(pageLanguageOf("nl-BE")).toBe("nl");
    expect(pageLanguageOf(" FR ")).toBe("fr");
    expect(pageLanguageOf("en_GB")).toBe("en");
    expect(pageLanguageOf("de")).toBeNull();
    expect(pageLanguageOf("")).toBeNull();
    expect(pageLanguageOf(null)).toBeNull();
  });

  it("speaks the language carried with the consent, whatever the browser prefers", () => {
    expect(pickPageLanguage("fr", "nl-BE,nl;q=0.9")).toBe("fr");
    expect(pickPageLanguage("nl", undefined)).toBe("nl");
  });

  it("follows Accept-Language by q-value when none was carried, or the carried one is unknown", () => {
    expect(pickPageLanguage(null, "nl-BE,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(pickPageLanguage(undefined, "en;q=0.5, fr-BE;q=0.9, nl;q=0.7")).toBe("fr");
    expect(pickPageLanguage("de", "de-DE, fr;q=0.4")).toBe("fr");
    // Equal weights: the order the browser sent.
    expect(pickPageLanguage(null, "fr;q=0.8,nl;q=0.8")).toBe("fr");
    // q=0 means "not this one".
    expect(pickPageLanguage(null, "nl;q=0, fr;q=0.1")).toBe("fr");
  });

  it("falls back to English", () => {
    expect(pickPageLanguage(null, "de-DE,de;q=0.9,*;q=0.1")).toBe("en");
    expect(pickPageLanguage(null, "")).toBe("en");
    expect(pickPageLanguage(null, "nl;q=0")).toBe("en");
    expect(pickPageLanguage(null, undefined)).toBe("en");
    expect(pickPageLanguage(null, "nl;q=abc")).toBe("nl");
  });
});
