import type { FrameLocator, Locator, Page } from "@playwright/test";

/** The account panel on an Exact page (or in one of its frames), by its accessible name. */
export function accountPanel(scope: Page | FrameLocator, name = "zapfloor link"): Locator {
  return scope.getByRole("region", { name });
}

/** The toggle in the panel's header; its name carries the link state ("zapfloor Linked to 1042"). */
export function panelToggle(panel: Locator): Locator {
  return panel.locator(".zfx-panel__toggle");
}
