import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import "./Dialog.css";

interface DialogProps {
  title: string;
  onClose(): void;
  children: ComponentChildren;
}

/** A modal dialog: focus moves into it, Escape closes it, and focus goes back where it was. */
export function Dialog({ title, onClose, children }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>("input, button:not([disabled])");
    (first ?? box.current)?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div class="zfx-dialog__backdrop">
      <div
        ref={box}
        class="zfx-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === "Escape") onClose();
        }}
      >
        <h2 class="zfx-dialog__title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
