import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { AccountDetail } from "../../utils/proxy-types";
import { ConfirmDialog } from "../ConfirmDialog";

type Fix = NonNullable<AccountDetail["candidates"][number]["fix"]>;

interface FixConfirmationProps {
  fix: Fix;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** What a fix will change in Exact, field by field, in a modal question before the bookkeeper says yes. */
export function FixConfirmation({ fix, ...rest }: FixConfirmationProps) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      {...rest}
      title={t("panel.fix.confirmTitle")}
      confirmLabel={t("panel.fix.confirmYes")}
      data={{ "data-fix": fix.action }}
    >
      <ul class="zfx-fix__changes">
        {fix.changes.map((change) => (
          <li key={change.field} data-field={change.field}>
            {t(`panel.fix.field.${change.field}` as MessageId)}:{" "}
            <span class="zfx-muted">{change.from ?? t("panel.fix.empty")}</span> →{" "}
            <strong class="zfx-mono">{change.to}</strong>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
