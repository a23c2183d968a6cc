import { render } from "preact";
import { createShadowRootUi, defineContentScript } from "#imports";
import { ACCOUNT_PAGE_MATCHES, parseExactAccountPage } from "../../host/exact-account-page";
import { PANEL_PLACEMENT } from "../../host/panel-placement";
import { PanelApp } from "./PanelApp";
import "./style.css";

export default defineContentScript({
  matches: ACCOUNT_PAGE_MATCHES,
  allFrames: true,
  runAt: "document_idle",
  cssInjectionMode: "ui",
  async main(ctx) {
    const page = parseExactAccountPage(window.location.href);
    if (page === null) return;
    const ui = await createShadowRootUi(ctx, {
      name: "zapfloor-exact-panel",
      position: "inline",
      ...PANEL_PLACEMENT,
      isolateEvents: true,
      onMount: (container) => {
        render(<PanelApp page={page} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
