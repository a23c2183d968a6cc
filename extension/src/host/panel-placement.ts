import type { ContentScriptAnchoredOptions } from "#imports";

/**
 * Where the panel goes on an account page: the first child of the body, so it sits above Exact's page
 * header and pushes the page down by its own (small, collapsible) height instead of covering anything.
 * Exact usually shows the account card inside MenuPortal.aspx's iframe; the script runs in that frame,
 * so this is the top of the card's own document either way.
 */
export const PANEL_PLACEMENT = {
  anchor: "body",
  append: "first",
} as const satisfies ContentScriptAnchoredOptions;
