import { type ComponentChildren, createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";
import type { Locale } from "./locale";
import { createTranslator, formatDateTime, type Translate } from "./translate";

interface I18n {
  locale: Locale;
  t: Translate;
  dateTime(iso: string): string;
}

function i18nFor(locale: Locale): I18n {
  return { locale, t: createTranslator(locale), dateTime: (iso) => formatDateTime(locale, iso) };
}

const I18nContext = createContext<I18n>(i18nFor("en"));

export function I18nProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  const value = useMemo(() => i18nFor(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's `t`, `dateTime` and `locale`; English outside a provider. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
