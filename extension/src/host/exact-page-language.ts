import { type Locale, localeOf } from "../i18n/locale";
import type { ExactHost } from "./exact-hosts";

/** Where the page's language is not written down, the host's country says what most users read. */
const HOST_LANGUAGE: Partial<Record<ExactHost, Locale>> = {
  "start.exactonline.nl": "nl",
  "start.exactonline.fr": "fr",
  "start.exactonline.co.uk": "en",
  "start.exactonline.com": "en",
};

/**
 * The language Exact shows this page in: `<html lang>` (e.g. `nl-NL`), else a Content-Language meta tag,
 * else the country host's usual one; null when none is a language the extension speaks. Belgium's host
 * serves Dutch and French alike, so it decides nothing on its own.
 */
export function readExactPageLocale(doc: Document, host: ExactHost): Locale | null {
  const meta = [...doc.querySelectorAll("meta[http-equiv]")].find(
    (element) => element.getAttribute("http-equiv")?.toLowerCase() === "content-language",
  );
  const declared = doc.documentElement.getAttribute("lang") || meta?.getAttribute("content");
  if (declared) return localeOf(declared);
  return HOST_LANGUAGE[host] ?? null;
}
