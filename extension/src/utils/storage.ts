import { storage } from "#imports";
import type { ProxySettings } from "./proxy-client";

/** Where the proxy lives and the bookkeeper token; local (not sync) so the token stays on this device. */
export const proxySettings = storage.defineItem<ProxySettings>("local:proxySettings", {
  fallback: { url: "", token: "" },
});

/** Whether the bookkeeper folded the account panel away; remembered across pages. */
export const panelCollapsed = storage.defineItem<boolean>("local:panelCollapsed", { fallback: false });
