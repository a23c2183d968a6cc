import { useEffect, useRef } from "preact/hooks";

/**
 * Whether focus is nowhere useful: on the document's (or the shadow root's) body, gone with a removed element,
 * or still on a button that was disabled while waiting.
 */
function focusIsLost(near: Node): boolean {
  const root = near.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return active === null || active.tagName === "BODY" || active.matches(":disabled");
}

/**
 * When `busy` ends, moves focus to `target()` if the action left it nowhere: the button that started it was
 * disabled while waiting, or replaced by the result (Link becomes Unlink). Focus a person moved elsewhere
 * meanwhile stays where they put it.
 */
export function useFocusWhenDone(busy: boolean, target: () => HTMLElement | null | undefined): void {
  const wasBusy = useRef(busy);
  const find = useRef(target);
  find.current = target;
  useEffect(() => {
    if (wasBusy.current && !busy) {
      const element = find.current();
      if (element && focusIsLost(element)) element.focus();
    }
    wasBusy.current = busy;
  }, [busy]);
}
