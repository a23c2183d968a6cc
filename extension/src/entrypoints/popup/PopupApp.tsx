import { useEffect, useState } from "preact/hooks";
import { type PopupState, PopupSummary } from "../../components/PopupSummary";
import { I18nProvider } from "../../i18n/I18nContext";
import { catalogOf } from "../../i18n/translate";
import { useLocale } from "../../i18n/use-locale";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";

/** The toolbar popup: the proxy, Exact and the divisions at a glance, and the way to the overview. */
export function PopupApp() {
  const locale = useLocale();
  const [state, setState] = useState<PopupState>({ health: { state: "checking" }, divisions: null });

  const load = () => {
    setState({ health: { state: "checking" }, divisions: null });
    sendMessage("getProxyHealth").then(
      (health) => {
        setState((current) => ({ ...current, health }));
        if (health.state === "healthy") {
          void askBackground("listDivisions").then((divisions) =>
            setState((current) => ({ ...current, divisions })),
          );
        }
      },
      (error: unknown) =>
        setState({
          health: { state: "failed", detail: error instanceof Error ? error.message : String(error) },
          divisions: null,
        }),
    );
  };
  useEffect(load, []);

  if (locale === null) return null;
  const close = () => window.close();
  return (
    <I18nProvider locale={locale} messages={catalogOf(locale)}>
      <PopupSummary
        state={state}
        onRetry={load}
        onOpenSettings={() => void sendMessage("openOptionsPage").then(close, close)}
        onOpenOverview={(division) => void sendMessage("openOverview", { division }).then(close, close)}
      />
    </I18nProvider>
  );
}
