import type { LanguagePreference, Locale } from "../i18n/locale";
import { localItem } from "./local-item";
import type { ProxySettings } from "./proxy-client";

/** Where the proxy lives and the bookkeeper token; local (not sync) so the token stays on this device. */
export const proxySettings = localItem<ProxySettings>("proxySettings", { url: "", token: "" });

/** Whether the bookkeeper folded the account panel away; remembered across pages. */
export const panelCollapsed = localItem<boolean>("panelCollapsed", false);

/** The language the person chose in the options; `auto` follows Exact. */
export const languagePreference = localItem<LanguagePreference>("languagePreference", "auto");

/** The language of the last Exact page the panel ran on: what `auto` means on the extension's own pages. */
export const lastExactLocale = localItem<Locale | null>("lastExactLocale", null);
