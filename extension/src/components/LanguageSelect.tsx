import { useI18n } from "../i18n/I18nContext";
import type { LanguagePreference } from "../i18n/locale";
import "./OptionsForm.css";

/** Each language by its own name, so a person finds theirs whatever the page speaks now. */
const NATIVE_NAMES = { en: "English", nl: "Nederlands", fr: "Français" } as const;

interface LanguageSelectProps {
  value: LanguagePreference;
  onChange(value: LanguagePreference): void;
}

export function LanguageSelect({ value, onChange }: LanguageSelectProps) {
  const { t } = useI18n();
  return (
    <div class="zfx-options">
      <label class="zfx-options__field">
        <span>{t("options.language")}</span>
        <select
          name="language"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value as LanguagePreference)}
        >
          <option value="auto">{t("options.language.auto")}</option>
          {Object.entries(NATIVE_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
