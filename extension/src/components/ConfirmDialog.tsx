import type { ComponentChildren } from "preact";
import { useI18n } from "../i18n/I18nContext";
import { Dialog } from "./Dialog";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** `danger` for a confirm button that takes something away (an unlink). */
  tone?: "danger";
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  returnFocus?: () => HTMLElement | null | undefined;
  data?: Record<`data-${string}`, string>;
  /** What saying yes will do, shown above the buttons. */
  children?: ComponentChildren;
}

/** A modal yes-or-no question; Cancel has the focus first, so Enter alone never confirms. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog title={props.title} onClose={props.onCancel} returnFocus={props.returnFocus} data={props.data}>
      {props.children}
      <div class="zfx-dialog__actions">
        <button
          type="button"
          class={props.tone === "danger" ? "zfx-button zfx-button--danger" : "zfx-button"}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="zfx-button zfx-button--quiet" data-autofocus onClick={props.onCancel}>
          {t("panel.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
