import { useI18n } from "../i18n/I18nContext";
import { ConfirmDialog } from "./ConfirmDialog";

interface UnlinkConfirmDialogProps {
  customerNumber: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** The second step of an unlink, shared by the panel and the overview. */
export function UnlinkConfirmDialog({ customerNumber, ...rest }: UnlinkConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      {...rest}
      title={t("panel.unlinkConfirm", { number: customerNumber })}
      confirmLabel={t("panel.unlinkConfirmYes")}
      tone="danger"
    />
  );
}
