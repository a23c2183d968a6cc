import type { Locale } from "./locale";
import { en, type MessageId, type Messages } from "./messages/en";
import { fr } from "./messages/fr";
import { nl } from "./messages/nl";

/*
 * Why our own lookup instead of browser.i18n / @wxt-dev/i18n: both answer in the browser's UI language
 * only, while the panel follows the Exact page's language and the options let a person pick one at run
 * time. The manifest's name and description still come from public/_locales, which only browsers read.
 */
const CATALOGS: Record<Locale, Messages> = { en, nl, fr };

export type MessageParams = Record<string, string | number>;
export type Translate = (id: MessageId, params?: MessageParams) => string;

/** A `t(id, params)` for one language; a `{name}` without a value stays as written, to be seen and fixed. */
export function createTranslator(locale: Locale): Translate {
  const messages = CATALOGS[locale];
  return (id, params) =>
    messages[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** A date and time as the language writes it, e.g. "25 Nov 2026, 22:30". */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export type { MessageId };
