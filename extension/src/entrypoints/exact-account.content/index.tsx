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
import { createShadowPanel } from "./shadow-panel";
import "./style.css";

export default defineContentScript({
  matches: ACCOUNT_PAGE_MATCHES,
  allFrames: true,
  runAt: "document_idle",
  cssInjectionMode: "ui",
  async main(ctx) {
    let page: ExactAccountPage | null = parseExactAccountPage(window.location.href);
    if (page === null) return;
    const pageLocale = readExactPageLocale(document, page.host);
    if (pageLocale) void lastExactLocale.setValue(pageLocale);

    let container: HTMLElement | undefined;
    const show = () => {
      if (container && page) render(<PanelApp page={page} pageLocale={pageLocale} />, container);
    };
    const ui = await createShadowPanel(ctx, {
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
