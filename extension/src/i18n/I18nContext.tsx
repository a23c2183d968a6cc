import { type ComponentChildren, createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";
import { formatDateTime, type Messages, type Translate, translatorOf } from "./format";
import type { Locale } from "./locale";

interface I18n {
  locale: Locale;
  t: Translate;
  dateTime(iso: string): string;
}

/** Outside a provider, message ids show as themselves. */
const I18nContext = createContext<I18n>({
  locale: "en",
  t: (id) => id,
  dateTime: (iso) => formatDateTime("en", iso),
});

/** `messages`: the language's catalogue (`catalogOf(locale)` on the pages; from the background in the panel). */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ComponentChildren;
}) {
  const value = useMemo(
    () => ({ locale, t: translatorOf(messages), dateTime: (iso: string) => formatDateTime(locale, iso) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's `t`, `dateTime` and `locale`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
