import type { Locale } from "./locale";
import type { MessageId, Messages } from "./messages/en";

export type MessageParams = Record<string, string | number>;
export type Translate = (id: MessageId, params?: MessageParams) => string;

/**
 * A `t(id, params)` over one language's messages; a `{name}` without a value stays as written, to be seen and
 * fixed. Holds no catalogue itself: the content script gets its language's messages from the background.
 */
export function translatorOf(messages: Messages): Translate {
  return (id, params) =>
    (messages[id] ?? id).replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** A message only when this build has it: a code from a newer proxy is then left as the proxy gave it. */
export function translatedOrNull(t: Translate, id: string, params?: MessageParams): string | null {
  const text = t(id as MessageId, params);
  return text === id ? null : text;
}

/** A date and time as the language writes it, e.g. "25 Nov 2026, 22:30". */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A whole number as the language groups its digits, e.g. "1,234", "1.234", "1 234". */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export type { MessageId, Messages };
