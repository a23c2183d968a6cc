import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import "./Dialog.css";

interface DialogProps {
  title: string;
  onClose(): void;
  children: ComponentChildren;
  /** Where focus goes on closing when the element that had it is gone (e.g. a row's button replaced). */
  returnFocus?: () => HTMLElement | null | undefined;
  /** `data-*` attributes for the `<dialog>`, for tests and styles to find it by. */
  data?: Record<`data-${string}`, string>;
}

/** The element that has focus, looking into open shadow roots such as the panel's. */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * A real modal (`<dialog>.showModal()`): the page behind is inert, focus moves to the dialog's
 * `[data-autofocus]` element or its first field or button, Escape closes it from anywhere in it, and focus
 * goes back where it was.
 */
export function Dialog({ title, onClose, children, returnFocus, data }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  const fallback = useRef(returnFocus);
  fallback.current = returnFocus;
  // Read while rendering: the fields inside may take focus in their own effects, which run before this one's.
  const before = useRef<HTMLElement | null | undefined>(undefined);
  if (before.current === undefined) before.current = focusedElement();

  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (!box.open) box.showModal();
    const first =
      box.querySelector<HTMLElement>("[data-autofocus]") ??
      box.querySelector<HTMLElement>("input, select, button:not([disabled])");
    first?.focus();
    return () => {
      if (box.open) box.close();
      const opener = before.current;
      const target = opener?.isConnected ? opener : fallback.current?.();
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      class="zfx-dialog"
      aria-labelledby={titleId}
      {...data}
      onCancel={(event) => {
        // Escape: the owner decides, by unmounting the dialog.
        event.preventDefault();
        close.current();
      }}
      onKeyDown={(event) => {
        // Not to the panel around it, which folds on Escape.
        if (event.key === "Escape") event.stopPropagation();
      }}
    >
      <h2 id={titleId} class="zfx-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
