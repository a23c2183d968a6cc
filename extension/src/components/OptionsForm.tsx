import { useState } from "preact/hooks";
import { useI18n } from "../i18n/I18nContext";
import type { MessageId } from "../i18n/translate";
import type { ProxySettings } from "../utils/proxy-client";
import { checkProxyUrl, type ProxyUrlProblem } from "../utils/proxy-url";
import "./OptionsForm.css";
import { OptionsActions, OptionsField } from "./OptionsParts";
import { PairingFields, type PairResult } from "./PairingFields";
import { type HealthView, ProxyHealthLine } from "./ProxyHealthLine";

type SaveState =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved" }
  | { state: "failed"; detail: string };

interface OptionsFormProps {
  initial: ProxySettings;
  /**
   * Both are called synchronously from the click, so that the browser still treats a permission
   * request made inside them as a user gesture.
   */
  onSave(settings: ProxySettings): Promise<void>;
  onTestConnection(settings: ProxySettings): Promise<HealthView>;
  /** Exchanges a pairing code for a token and saves both; answers the token now saved, to show it. */
  onPair?(url: string, code: string): Promise<PairResult & { savedToken?: string }>;
}

const URL_PROBLEMS: Record<ProxyUrlProblem, MessageId> = {
  empty: "options.url.empty",
  not_url: "options.url.notUrl",
  https_only: "options.url.https",
  base_url_only: "options.url.extra",
};

export function OptionsForm({ initial, onSave, onTestConnection, onPair }: OptionsFormProps) {
  const { t } = useI18n();
  const [url, setUrl] = useState(initial.url);
  const [token, setToken] = useState(initial.token);
  const [problem, setProblem] = useState<ProxyUrlProblem | null>(null);
  const [save, setSave] = useState<SaveState>({ state: "idle" });
  const [test, setTest] = useState<HealthView | null>(null);

  function validSettings(): ProxySettings | null {
    const check = checkProxyUrl(url);
    setProblem(check.ok ? null : check.problem);
    return check.ok ? { url: check.baseUrl, token: token.trim() } : null;
  }

  function handleSubmit(event: Event) {
    event.preventDefault();
    const settings = validSettings();
    if (settings === null) return;
    setSave({ state: "saving" });
    onSave(settings).then(
      () => setSave({ state: "saved" }),
      (error: unknown) =>
        setSave({ state: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  }

  function validUrl(): string | null {
    const check = checkProxyUrl(url);
    setProblem(check.ok ? null : check.problem);
    return check.ok ? check.baseUrl : null;
  }

  const pair =
    onPair &&
    ((pairUrl: string, code: string) =>
      onPair(pairUrl, code).then((result) => {
        if (result.ok) {
          setUrl(pairUrl);
          if (result.savedToken !== undefined) setToken(result.savedToken);
          setSave({ state: "idle" });
        }
        return result;
      }));

  function handleTest() {
    const settings = validSettings();
    if (settings === null) return;
    setTest({ state: "checking" });
    onTestConnection(settings).then(setTest, (error: unknown) =>
      setTest({ state: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  }

  return (
    <form class="zfx-options" aria-label={t("options.proxy")} onSubmit={handleSubmit} noValidate>
      <OptionsField
        label={t("options.proxyUrl")}
        type="url"
        name="proxyUrl"
        value={url}
        placeholder="https://exact-link.example.com"
        aria-invalid={problem !== null}
        aria-describedby="zfx-url-problem"
        onInput={(event) => setUrl(event.currentTarget.value)}
      />
      <p id="zfx-url-problem" class="zfx-options__problem" role="alert">
        {problem && t(URL_PROBLEMS[problem])}
      </p>
      {pair && <PairingFields validUrl={validUrl} onPair={pair} />}
      {pair && <p class="zfx-options__or">{t("options.orToken")}</p>}
      <OptionsField
        label={t("options.token")}
        type="password"
        name="token"
        value={token}
        autoComplete="off"
        onInput={(event) => setToken(event.currentTarget.value)}
      />
      <OptionsActions
        status={
          save.state === "saved"
            ? t("options.saved")
            : save.state === "failed" && t("options.notSaved", { detail: save.detail })
        }
      >
        <button type="submit" class="zfx-button" disabled={save.state === "saving"}>
          {t("options.save")}
        </button>
        <button type="button" class="zfx-button zfx-button--quiet" onClick={handleTest}>
          {t("options.testConnection")}
        </button>
      </OptionsActions>
      {test !== null && <ProxyHealthLine health={test} onRetry={handleTest} />}
    </form>
  );
}
