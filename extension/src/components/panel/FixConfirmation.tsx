import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { AccountDetail } from "../../utils/proxy-types";

type Fix = NonNullable<AccountDetail["candidates"][number]["fix"]>;

interface FixConfirmationProps {
  fix: Fix;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** What a fix will change in Exact, field by field, before the bookkeeper says yes. */
export function FixConfirmation({ fix, busy, onConfirm, onCancel }: FixConfirmationProps) {
  const { t } = useI18n();
  return (
    <fieldset class="zfx-fix" data-fix={fix.action}>
      <legend class="zfx-fix__title">{t("panel.fix.confirmTitle")}</legend>
      <ul class="zfx-fix__changes">
        {fix.changes.map((change) => (
          <li key={change.field} data-field={change.field}>
            {t(`panel.fix.field.${change.field}` as MessageId)}:{" "}
            <span class="zfx-muted">{change.from ?? t("panel.fix.empty")}</span> →{" "}
            <strong class="zfx-mono">{change.to}</strong>
          </li>
        ))}
      </ul>
      <div class="zfx-fix__actions">
        <button type="button" class="zfx-button" disabled={busy} onClick={onConfirm}>
          {t("panel.fix.confirmYes")}
        </button>
        <button type="button" class="zfx-button zfx-button--quiet" onClick={onCancel}>
          {t("panel.cancel")}
        </button>
      </div>
    </fieldset>
  );
}
