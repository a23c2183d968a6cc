import type { ContentScriptContext } from "#imports";

export interface ShadowPanel {
  shadowHost: HTMLElement;
  mount(): void;
  remove(): void;
}

/**
 * The panel's own shadow root, where `placement` says: what WXT's `createShadowRootUi` does for this one
 * case (an `<html>` with the stylesheet in its `<head>`, the panel in its `<body>`, key events kept from
 * Exact's page), in a few lines instead of the library's several kilobytes, which every Exact page would load.
 */
export function createShadowPanel(
  ctx: ContentScriptContext,
  options: {
    name: string;
    /** Where it goes: the first child of the element `anchor` selects (`host/panel-placement.ts`). */
    placement: { anchor: string; append: "first" };
    /** The text of the stylesheet WXT builds for the entrypoint (`cssInjectionMode: "ui"` keeps it out of the page). */
    css: string;
    onMount(container: HTMLElement): void;
    onRemove(container: HTMLElement): void;
  },
): ShadowPanel {
  const shadowHost = document.createElement(options.name);
  shadowHost.setAttribute("data-wxt-shadow-root", "");
  const shadow = shadowHost.attachShadow({ mode: "open" });
  const html = document.createElement("html");
  const head = document.createElement("head");
  const body = document.createElement("body");
  const style = document.createElement("style");
  style.textContent = `:host{all:initial !important;}\n${options.css.replaceAll(":root", ":host")}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  for (const type of ["keydown", "keyup", "keypress"]) {
    body.addEventListener(type, (event) => event.stopPropagation());
  }

  let mounted = false;
  const panel: ShadowPanel = {
    shadowHost,
    mount() {
      const anchor = document.querySelector(options.placement.anchor);
      if (!anchor) return;
      anchor.prepend(shadowHost);
      mounted = true;
      options.onMount(body);
    },
    remove() {
      if (mounted) options.onRemove(body);
      mounted = false;
      shadowHost.remove();
    },
  };
  ctx.onInvalidated(() => panel.remove());
  return panel;
}
