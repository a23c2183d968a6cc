import { type Translate, translatorOf } from "./format";
import type { Locale } from "./locale";
import { en, type Messages } from "./messages/en";
import { fr } from "./messages/fr";
import { nl } from "./messages/nl";

/*
 * Why our own lookup instead of browser.i18n / @wxt-dev/i18n: both answer in the browser's UI language
 * only, while the panel follows the Exact page's language and the options let a person pick one at run
 * time. The manifest's name and description still come from public/_locales, which only browsers read.
 *
 * Every language's messages, for the extension's pages and the background. The content script does not
 * import this file: it asks the background for its one language (`getMessages`), keeping it small.
 */
const CATALOGS: Record<Locale, Messages> = { en, nl, fr };

export function catalogOf(locale: Locale): Messages {
  return CATALOGS[locale];
}

export function createTranslator(locale: Locale): Translate {
  return translatorOf(CATALOGS[locale]);
}

export { formatDateTime, type MessageId, type MessageParams, type Translate } from "./format";
