import { storage } from "#imports";
import type { LanguagePreference, Locale } from "../i18n/locale";
import type { ProxySettings } from "./proxy-client";

/** Where the proxy lives and the bookkeeper token; local (not sync) so the token stays on this device. */
export const proxySettings = storage.defineItem<ProxySettings>("local:proxySettings", {
  fallback: { url: "", token: "" },
});

/** Whether the bookkeeper folded the account panel away; remembered across pages. */
export const panelCollapsed = storage.defineItem<boolean>("local:panelCollapsed", { fallback: false });

/** The language the person chose in the options; `auto` follows Exact. */
export const languagePreference = storage.defineItem<LanguagePreference>("local:languagePreference", {
  fallback: "auto",
});

/** The language of the last Exact page the panel ran on: what `auto` means on the extension's own pages. */
export const lastExactLocale = storage.defineItem<Locale | null>("local:lastExactLocale", {
  fallback: null,
});
