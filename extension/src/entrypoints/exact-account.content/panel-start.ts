import { browser } from "#imports";
import type { ExactAccountPage } from "../../host/exact-account-page";
import type { Messages } from "../../i18n/format";
import { browserLanguage, type LanguagePreference, type Locale, resolveLocale } from "../../i18n/locale";
import type { ApiResult } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import {
  type KeptAccount,
  keptAccountKey,
  PANEL_MESSAGES_KEY,
  PANEL_STYLE_KEY,
} from "../../utils/panel-session";
import type { AccountDetail } from "../../utils/proxy-types";
import { languagePreference, panelCollapsed, proxySettingsRevision } from "../../utils/storage";

/** What the panel's first paint needs, once known: the folding, the language, its messages, the kept state. */
export interface PanelFirstPaint {
  collapsed: boolean;
  preference: LanguagePreference;
  locale: Locale;
  messages: Messages;
  /** The state kept for the account in the session area; when none, the panel asks the background for one. */
  cached: AccountDetail | null;
  style: string;
}

/** The requests for one account page, sent as the content script starts. */
export interface PanelStart {
  page: ExactAccountPage;
  /** The proxy's answer now. */
  account: Promise<ApiResult<AccountDetail>>;
  /**
   * Everything the first paint needs, in the page's language once that is parsed, read from storage as the content
   * script started; null when the session area did not have it (the panel then asks the background).
   */
  firstPaint(pageLocale: Locale | null): Promise<PanelFirstPaint | null>;
}

/**
 * Asks for everything the panel shows from the page's first byte, while Exact's page is still being parsed, so
 * that a kept state is painted with the panel itself: read from storage, without waking the background.
 */
export function startPanel(page: ExactAccountPage): PanelStart {
  const { division, accountId } = page;
  const key = keptAccountKey(page);
  const account = askBackground("getAccount", { division, accountId });
  // The background opens the session area to content scripts: while it is shut (before the background's first
  // start in this browser session, or where the browser keeps it closed), this fails, and the panel asks the
  // background for all of it as it is mounted.
  const stored = Promise.all([
    languagePreference.getValue(),
    panelCollapsed.getValue(),
    proxySettingsRevision.getValue(),
    browser.storage.session.get([PANEL_STYLE_KEY, PANEL_MESSAGES_KEY, key]),
  ]).catch(() => null);
  const firstPaint = async (pageLocale: Locale | null): Promise<PanelFirstPaint | null> => {
    const read = await stored;
    if (!read) return null;
    const [preference, collapsed, revision, session] = read;
    const kept = session[key] as KeptAccount | undefined;
    const style = session[PANEL_STYLE_KEY] as string | undefined;
    const locale = resolveLocale(preference, pageLocale, browserLanguage());
    const messages = (session[PANEL_MESSAGES_KEY] as Partial<Record<Locale, Messages>> | undefined)?.[locale];
    const cached = kept?.revision === revision ? kept.detail : null;
    return messages && style ? { collapsed, preference, locale, messages, cached, style } : null;
  };
  return { page, account, firstPaint };
}
