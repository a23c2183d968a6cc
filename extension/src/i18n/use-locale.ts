import { useEffect, useState } from "preact/hooks";
import { languagePreference, lastExactLocale } from "../utils/storage";
import { browserLanguage, type LanguagePreference, type Locale, resolveLocale } from "./locale";

/**
 * The language a view speaks, following the options as they change. `exactLocale` is the Exact page's
 * language on the panel; extension pages leave it out and use the last Exact page's. Null until storage answers,
 * unless the preference is already known (`knownPreference`).
 */
export function useLocale(exactLocale?: Locale | null, knownPreference?: LanguagePreference): Locale | null {
  const [preference, setPreference] = useState<LanguagePreference | null>(knownPreference ?? null);
  const [lastSeen, setLastSeen] = useState<Locale | null | undefined>(
    exactLocale === undefined ? undefined : null,
  );

  useEffect(() => {
    languagePreference.getValue().then(setPreference, () => setPreference("auto"));
    return languagePreference.watch(setPreference);
  }, []);
  useEffect(() => {
    if (exactLocale !== undefined) return;
    lastExactLocale.getValue().then(setLastSeen, () => setLastSeen(null));
    return lastExactLocale.watch(setLastSeen);
  }, [exactLocale]);

  if (preference === null || lastSeen === undefined) return null;
  return resolveLocale(preference, exactLocale ?? lastSeen, browserLanguage());
}
