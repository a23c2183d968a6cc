import { browser } from "#imports";

/** The languages the extension speaks. */
export const LOCALES = ["en", "nl", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

/** What the person chose in the options: a language, or `auto` (follow Exact's page). */
export type LanguagePreference = "auto" | Locale;

/** The extension's language for a BCP 47 tag such as `nl-BE` or `FR`, or null when it speaks none of it. */
export function localeOf(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? "") ? (primary as Locale) : null;
}

/**
 * The language to show: the person's choice; else the Exact page's (or, on extension pages, the last
 * Exact page seen); else the browser's; else English.
 */
export function resolveLocale(
  preference: LanguagePreference,
  exactLocale: Locale | null,
  browserLanguage: string | undefined,
): Locale {
  if (preference !== "auto") return preference;
  return exactLocale ?? localeOf(browserLanguage) ?? "en";
}

/** The browser's own language, the last say when neither the person nor the page chose one. */
export const browserLanguage = (): string | undefined =>
  browser.i18n?.getUILanguage?.() ?? navigator.language;
