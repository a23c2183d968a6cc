import { browser } from "#imports";
import type { ExactAccountPage } from "../../host/exact-account-page";
import type { Messages } from "../../i18n/format";
import { type LanguagePreference, type Locale, resolveLocale } from "../../i18n/locale";
import type { ApiResult } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";
import type { AccountDetail } from "../../utils/proxy-types";
import { languagePreference, panelCollapsed } from "../../utils/storage";

/** What the panel's first paint needs, once known: the folding, the language, its messages, the kept state. */
export interface PanelFirstPaint {
  collapsed: boolean;
  preference: LanguagePreference;
  locale: Locale;
  messages: Messages;
  cached: AccountDetail | null;
}

/** The requests for one account page, sent as the content script starts. */
export interface PanelStart {
  page: ExactAccountPage;
  /** The proxy's answer now. */
  account: Promise<ApiResult<AccountDetail>>;
  /** That answer, once it came. */
  answered(): ApiResult<AccountDetail> | undefined;
  /** Everything the first paint needs (all answered from the extension itself), or null if any of it failed. */
  firstPaint: Promise<PanelFirstPaint | null>;
}

/**
 * Asks for everything the panel shows at once, while the stylesheet is still on its way, instead of from a
 * first empty render's effects: so that a kept state is painted with the panel itself.
 */
export function startPanel(page: ExactAccountPage, pageLocale: Locale | null): PanelStart {
  const { division, accountId } = page;
  let answer: ApiResult<AccountDetail> | undefined;
  const account = askBackground("getAccount", { division, accountId }).then((result) => {
    answer = result;
    return result;
  });
  const cached = sendMessage("getCachedAccount", { division, accountId }).then(
    (kept) => kept?.detail ?? null,
    () => null,
  );
  const firstPaint = (async (): Promise<PanelFirstPaint | null> => {
    try {
      const preference = await languagePreference.getValue();
      const locale = resolveLocale(
        preference,
        pageLocale,
        browser.i18n?.getUILanguage?.() ?? navigator.language,
      );
      const [collapsed, messages] = await Promise.all([
        panelCollapsed.getValue(),
        sendMessage("getMessages", { locale }),
      ]);
      return { collapsed, preference, locale, messages, cached: await cached };
    } catch {
      return null;
    }
  })();
  return { page, account, answered: () => answer, firstPaint };
}
