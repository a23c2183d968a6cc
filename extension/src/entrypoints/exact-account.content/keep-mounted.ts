import type { ContentScriptContext } from "#imports";

/**
 * Puts the panel back when the page throws it out: Exact re-renders parts of its pages (postbacks that
 * replace the form, late scripts that rewrite the body), which may take the panel's host element along.
 */
export function keepMounted(
  ctx: ContentScriptContext,
  ui: { shadowHost: HTMLElement; mount(): void },
  wanted: () => boolean,
): void {
  const observer = new MutationObserver(() => {
    if (wanted() && !ui.shadowHost.isConnected && document.body) ui.mount();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
