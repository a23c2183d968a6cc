import { useI18n } from "../i18n/I18nContext";
import { Dialog } from "./Dialog";

interface UnlinkConfirmDialogProps {
  customerNumber: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** The second step of an unlink, shared by the panel and the overview: a modal question, Cancel first in focus. */
export function UnlinkConfirmDialog({
  customerNumber,
  busy,
  onConfirm,
  onCancel,
  returnFocus,
}: UnlinkConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t("panel.unlinkConfirm", { number: customerNumber })}
      onClose={onCancel}
      returnFocus={returnFocus}
    >
      <div class="zfx-dialog__actions">
        <button type="button" class="zfx-button zfx-button--danger" disabled={busy} onClick={onConfirm}>
          {t("panel.unlinkConfirmYes")}
        </button>
        <button type="button" class="zfx-button zfx-button--quiet" data-autofocus onClick={onCancel}>
          {t("panel.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
