import { render } from "preact";
import { defineContentScript } from "#imports";
import {
  ACCOUNT_PAGE_MATCHES,
  type ExactAccountPage,
  parseExactAccountPage,
} from "../../host/exact-account-page";
import { readExactPageLocale } from "../../host/exact-page-language";
import { PANEL_PLACEMENT } from "../../host/panel-placement";
import type { Locale } from "../../i18n/locale";
import { readPanelStylesheet } from "../../utils/panel-session";
import { lastExactLocale } from "../../utils/storage";
import { keepMounted } from "./keep-mounted";
import { PanelApp } from "./PanelApp";
import { type PanelFirstPaint, type PanelStart, startPanel } from "./panel-start";
import { createShadowPanel, type ShadowPanel } from "./shadow-panel";
import "./style.css";

export default defineContentScript({
  matches: ACCOUNT_PAGE_MATCHES,
  allFrames: true,
  // From the page's first byte: the kept state, the messages and the stylesheet are read while Exact's page is
  // still parsed, and the panel goes in as soon as its place is there, often in the page's first frame.
  runAt: "document_start",
  cssInjectionMode: "ui",
  async main(ctx) {
    let page: ExactAccountPage | null = parseExactAccountPage(window.location.href);
    if (page === null) return;
    let pageLocale: Locale | null = null;
    let start: PanelStart | undefined = startPanel(page);
    let first: PanelFirstPaint | null = null;
    let container: HTMLElement | undefined;
    const show = () => {
      if (!container || !page) return;
      const early = start?.page === page ? start : undefined;
      render(
        <PanelApp page={page} pageLocale={pageLocale} start={early} first={early && first} />,
        container,
      );
      // Used once: a panel mounted again, or for another account, asks afresh.
      start = undefined;
    };

    let ui: ShadowPanel | undefined;
    await keepMounted(ctx, PANEL_PLACEMENT.anchor, () => page !== null && ui);
    pageLocale = readExactPageLocale(document, page.host);
    if (pageLocale) void lastExactLocale.setValue(pageLocale);
    // Read from storage only, never waiting on the background (which may be asleep).
    first = await start.firstPaint(pageLocale);
    const panel = createShadowPanel(ctx, {
      name: "zapfloor-exact-panel",
      css: first?.style ?? (await readPanelStylesheet()),
      placement: PANEL_PLACEMENT,
      onMount: (mounted) => {
        container = mounted;
        show();
      },
      onRemove: (mounted) => {
        render(null, mounted);
        container = undefined;
      },
    });
    ui = panel;
    panel.mount();

    // Exact may switch accounts without a page load (history.pushState); follow the URL.
    ctx.addEventListener(window, "wxt:locationchange", ({ newUrl }) => {
      page = parseExactAccountPage(newUrl.href);
      if (page === null) panel.remove();
      else if (!panel.shadowHost.isConnected) panel.mount();
      else show();
    });
  },
});
