import { render } from "preact";
import { defineContentScript } from "#imports";
import {
  ACCOUNT_PAGE_MATCHES,
  type ExactAccountPage,
  parseExactAccountPage,
} from "../../host/exact-account-page";
import { readExactPageLocale } from "../../host/exact-page-language";
import { PANEL_PLACEMENT } from "../../host/panel-placement";
import { lastExactLocale } from "../../utils/storage";
import { keepMounted } from "./keep-mounted";
import { PanelApp } from "./PanelApp";
import { type PanelFirstPaint, type PanelStart, startPanel } from "./panel-start";
import { createShadowPanel } from "./shadow-panel";
import "./style.css";

/** How long the panel's mounting waits, beyond its stylesheet, for what its first paint needs. */
const FIRST_PAINT_WAIT_MS = 100;

export default defineContentScript({
  matches: ACCOUNT_PAGE_MATCHES,
  allFrames: true,
  // As soon as the page is parsed, not when it is idle: the panel's place is in the parsed page, and a kept
  // state is then on screen while Exact's own scripts and images still load.
  runAt: "document_end",
  cssInjectionMode: "ui",
  async main(ctx) {
    let page: ExactAccountPage | null = parseExactAccountPage(window.location.href);
    if (page === null) return;
    const pageLocale = readExactPageLocale(document, page.host);
    if (pageLocale) void lastExactLocale.setValue(pageLocale);

    // Sent now, while the stylesheet loads: the first render can then paint the state kept for the account.
    let start: PanelStart | undefined = startPanel(page, pageLocale);
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
    const shadowPanel = createShadowPanel(ctx, {
      name: "zapfloor-exact-panel",
      cssPath: "/content-scripts/exact-account.css",
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
    // Not waited for long: a background just woken may take a while, and the panel then shows its loading state.
    const [ui, firstPaint] = await Promise.all([
      shadowPanel,
      Promise.race([
        start.firstPaint,
        new Promise<null>((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS, null)),
      ]),
    ]);
    first = firstPaint;
    ui.mount();
    keepMounted(ctx, ui, () => page !== null);

    // Exact may switch accounts without a page load (history.pushState); follow the URL.
    ctx.addEventListener(window, "wxt:locationchange", ({ newUrl }) => {
      page = parseExactAccountPage(newUrl.href);
      if (page === null) ui.remove();
      else if (!ui.shadowHost.isConnected) ui.mount();
      else show();
    });
  },
});
