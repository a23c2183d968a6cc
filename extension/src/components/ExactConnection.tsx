import { useState } from "preact/hooks";
import { EXACT_HOSTS } from "../host/exact-hosts";
import { useI18n } from "../i18n/I18nContext";
import type { ApiResult } from "../utils/api-result";
import type { ExactConnectionState } from "../utils/proxy-types";
import "./OptionsForm.css";
import { ProblemNotice } from "./ProblemNotice";

interface ExactConnectionProps {
  /** Null while the proxy is asked. */
  connection: ApiResult<ExactConnectionState> | null;
  onConnect(host: string): Promise<ApiResult<null>>;
  onRetry(): void;
}

/** The Exact Online connection as the proxy holds it, and the button that starts the OAuth consent. */
export function ExactConnection({ connection, onConnect, onRetry }: ExactConnectionProps) {
  const { t, dateTime } = useI18n();
  const [host, setHost] = useState<string>(
    connection?.ok && connection.value.connected ? connection.value.host : EXACT_HOSTS[0],
  );
  const [started, setStarted] = useState<ApiResult<null> | null>(null);

  return (
    <section class="zfx-options" aria-label={t("options.exact")}>
      <h2>{t("options.exact")}</h2>
      {connection === null && <p role="status">{t("options.exact.checking")}</p>}
      {connection && !connection.ok && <ProblemNotice problem={connection.problem} onRetry={onRetry} />}
      {connection?.ok && (
        <div role="status" data-connection={connection.value.connected ? connection.value.status : "none"}>
          {connection.value.sandbox && <p class="zfx-muted">{t("options.exact.sandbox")}</p>}
          {!connection.value.connected && <p>{t("options.exact.notConnected")}</p>}
          {connection.value.connected && (
            <>
              <p>
                {connection.value.status === "active"
                  ? t("options.exact.connected", {
                      host: connection.value.host,
                      user: connection.value.user ?? "—",
                    })
                  : t("options.exact.needsReconnect", { host: connection.value.host })}
              </p>
              {connection.value.warnings.map((warning) => (
                <p key={warning} class="zfx-notice">
                  {warning}
                </p>
              ))}
              <h3>{t("options.exact.divisions")}</h3>
              <ul>
                {connection.value.divisions.map((division) => (
                  <li key={division.division}>
                    {division.lastSyncAt
                      ? t("options.exact.divisionSynced", {
                          name: division.name,
                          division: division.division,
                          at: dateTime(division.lastSyncAt),
                        })
                      : t("options.exact.divisionNeverSynced", {
                          name: division.name,
                          division: division.division,
                        })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div class="zfx-options__actions">
        <label class="zfx-options__field">
          <span>{t("options.exact.host")}</span>
          <select value={host} onChange={(event) => setHost(event.currentTarget.value)}>
            {EXACT_HOSTS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="zfx-button"
          onClick={() => {
            setStarted(null);
            void onConnect(host).then(setStarted);
          }}
        >
          {t("options.exact.connect")}
        </button>
      </div>
      {started?.ok && <p role="status">{t("options.exact.connectOpened")}</p>}
      {started && !started.ok && <ProblemNotice problem={started.problem} />}
    </section>
  );
}
