import type { ComponentChildren } from "preact";
import { useI18n } from "../../i18n/I18nContext";

interface MappingRowsProps {
  legend: string;
  keyLabel: string;
  valueLabel: string;
  keyPlaceholder: string;
  rows: Record<string, string>;
  onChange(rows: Record<string, string>): void;
  renderValue(value: string, onValue: (value: string) => void, label: string): ComponentChildren;
}

/** A zapfloor key (revenue key, VAT rate) → an Exact code, one row each, with rows to add and remove. */
export function MappingRows(props: MappingRowsProps) {
  const { t } = useI18n();
  const entries = Object.entries(props.rows);
  const replace = (index: number, key: string, value: string) =>
    props.onChange(Object.fromEntries(entries.map((entry, i) => (i === index ? [key, value] : entry))));
  return (
    <fieldset class="zfx-bookings__mapping">
      <legend>{props.legend}</legend>
      {entries.map(([key, value], index) => (
        // A row's key is what is being edited, so the row is keyed by its place.
        <div class="zfx-bookings__row" key={index}>
          <input
            aria-label={`${props.keyLabel} ${index + 1}`}
            placeholder={props.keyPlaceholder}
            value={key}
            onInput={(event) => replace(index, event.currentTarget.value, value)}
          />
          <span aria-hidden="true">→</span>
          {props.renderValue(value, (next) => replace(index, key, next), `${props.valueLabel} ${index + 1}`)}
          <button
            type="button"
            class="zfx-link"
            aria-label={t("bookings.removeRow", { row: key || index + 1 })}
            onClick={() => props.onChange(Object.fromEntries(entries.filter((_, i) => i !== index)))}
          >
            {t("bookings.remove")}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="zfx-button zfx-button--quiet"
        onClick={() => props.onChange({ ...props.rows, "": "" })}
        disabled={"" in props.rows}
      >
        {t("bookings.addRow")}
      </button>
    </fieldset>
  );
}
