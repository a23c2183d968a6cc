import type { LanguagePreference, Locale } from "../i18n/locale";
import { extensionOnlyItem } from "./extension-only-item";
import { localItem } from "./local-item";
import type { ProxySettings } from "./proxy-client";

/**
 * Where the proxy lives and the bookkeeper token: on this device only, where the background and the extension's
 * pages read it and content scripts cannot (they ask the background for data).
 */
export const proxySettings = /* @__PURE__ */ extensionOnlyItem<ProxySettings>("proxySettings", {
  url: "",
  token: "",
});

/** Changes with every save of the proxy settings, without telling them: what a content script may watch. */
export const proxySettingsRevision = localItem<number>("proxySettingsRevision", 0);

/** Whether the bookkeeper folded the account panel away; remembered across pages. */
export const panelCollapsed = localItem<boolean>("panelCollapsed", false);

/** The language the person chose in the options; `auto` follows Exact. */
export const languagePreference = localItem<LanguagePreference>("languagePreference", "auto");

/** The language of the last Exact page the panel ran on: what `auto` means on the extension's own pages. */
export const lastExactLocale = localItem<Locale | null>("lastExactLocale", null);
