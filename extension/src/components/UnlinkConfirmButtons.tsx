import { useI18n } from "../i18n/I18nContext";

interface UnlinkConfirmButtonsProps {
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The second step of an unlink, shared by the panel and the overview: confirm, or step back. */
export function UnlinkConfirmButtons({ busy, onConfirm, onCancel }: UnlinkConfirmButtonsProps) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" class="zfx-button zfx-button--danger" disabled={busy} onClick={onConfirm}>
        {t("panel.unlinkConfirmYes")}
      </button>
      <button type="button" class="zfx-button zfx-button--quiet" onClick={onCancel}>
        {t("panel.cancel")}
      </button>
    </>
  );
}
