import type { ContentScriptContext } from "#imports";

/**
 * Watches the page from its first byte: resolves once the panel's place (`anchor`) is parsed, without waiting for
 * the rest of the page, and from then on puts the panel (`mounted()`, once there is one) back when the page throws
 * it out: Exact re-renders parts of its pages (postbacks that replace the form, late scripts that rewrite the
 * body), which may take the panel's host element along.
 */
export function keepMounted(
  ctx: ContentScriptContext,
  anchor: string,
  mounted: () => { shadowHost: HTMLElement; mount(): void } | false | undefined,
): Promise<void> {
  return new Promise((placed) => {
    const check = () => {
      if (!document.querySelector(anchor)) return;
      placed();
      const ui = mounted();
      if (ui && !ui.shadowHost.isConnected) ui.mount();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    check();
  });
}
