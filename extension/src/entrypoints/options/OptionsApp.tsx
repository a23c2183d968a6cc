import { useCallback, useEffect, useState } from "preact/hooks";
import { browser } from "#imports";
import { DivisionSetup } from "../../components/bookings/DivisionSetup";
import { ExactConnection } from "../../components/ExactConnection";
import { LanguageSelect } from "../../components/LanguageSelect";
import { OptionsForm } from "../../components/OptionsForm";
import "../../components/theme.css";
import { I18nProvider, useI18n } from "../../i18n/I18nContext";
import type { LanguagePreference } from "../../i18n/locale";
import { catalogOf } from "../../i18n/translate";
import { useLocale } from "../../i18n/use-locale";
import { type ApiResult, failed } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";
import type { ProxySettings } from "../../utils/proxy-client";
import type { ExactConnectionState } from "../../utils/proxy-types";
import { checkProxyUrl, originPermissionPattern } from "../../utils/proxy-url";
import { languagePreference, proxySettings } from "../../utils/storage";

/**
 * Loopback proxies are covered by the manifest's host permissions; any other proxy origin is an
 * optional host permission, asked for here when the person saves or tests it.
 */
function requestProxyPermission(settings: ProxySettings): Promise<boolean> {
  const check = checkProxyUrl(settings.url);
  if (!check.ok || !check.needsPermissionRequest) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPermissionPattern(check.origin)] });
}

async function testConnection(settings: ProxySettings) {
  await requestProxyPermission(settings);
  return sendMessage("testProxyConnection", settings);
}

export function OptionsApp() {
  const locale = useLocale();
  if (locale === null) return null;
  return (
    <I18nProvider locale={locale} messages={catalogOf(locale)}>
      <OptionsPage />
    </I18nProvider>
  );
}

function OptionsPage() {
  const { t, locale } = useI18n();
  const [initial, setInitial] = useState<ProxySettings | null>(null);
  const [language, setLanguage] = useState<LanguagePreference | null>(null);
  const [connection, setConnection] = useState<ApiResult<ExactConnectionState> | null>(null);

  const loadConnection = useCallback(() => {
    setConnection(null);
    void askBackground("getExactConnection").then(setConnection);
  }, []);

  useEffect(() => {
    void proxySettings.getValue().then(setInitial);
    void languagePreference.getValue().then(setLanguage);
    loadConnection();
    // A finished consent or new settings change what the proxy says about Exact.
    const stopSettings = proxySettings.watch(loadConnection);
    window.addEventListener("focus", loadConnection);
    return () => {
      stopSettings();
      window.removeEventListener("focus", loadConnection);
    };
  }, [loadConnection]);

  async function save(settings: ProxySettings): Promise<void> {
    const granted = await requestProxyPermission(settings);
    if (!granted) throw new Error(t("options.permissionRefused"));
    await proxySettings.setValue(settings);
  }

  async function pair(url: string, code: string) {
    if (!(await requestProxyPermission({ url, token: "" }))) {
      return failed({ kind: "permission_missing", origin: new URL(url).origin });
    }
    const paired = await askBackground("pairWithCode", { url, code });
    return paired.ok ? { ...paired, savedToken: (await proxySettings.getValue()).token } : paired;
  }

  return (
    <main class="zfx-root zfx-options-page">
      <h1>{t("options.title")}</h1>
      <h2>{t("options.proxy")}</h2>
      {initial !== null && (
        <OptionsForm initial={initial} onSave={save} onTestConnection={testConnection} onPair={pair} />
      )}
      <ExactConnection
        connection={connection}
        onConnect={(host) => askBackground("connectExact", { host, lang: locale })}
        onRetry={loadConnection}
      />
      <DivisionSetup reloadKey={connection} />
      {language !== null && (
        <LanguageSelect
          value={language}
          onChange={(value) => {
            setLanguage(value);
            void languagePreference.setValue(value);
          }}
        />
      )}
    </main>
  );
}
