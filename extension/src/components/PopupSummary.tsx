import { useI18n } from "../i18n/I18nContext";
import type { ApiResult } from "../utils/api-result";
import type { DivisionSummary } from "../utils/proxy-types";
import { DivisionReadiness } from "./bookings/DivisionReadiness";
import { isLoaded, LoadDivisionButton } from "./bookings/LoadDivisionButton";
import { ProblemNotice } from "./ProblemNotice";
import { type HealthView, ProxyHealthLine } from "./ProxyHealthLine";
import "./theme.css";
import "./PopupSummary.css";

export interface PopupState {
  health: HealthView;
  /** Asked once the proxy is healthy; null before. */
  divisions: ApiResult<DivisionSummary[]> | null;
}

interface PopupSummaryProps {
  state: PopupState;
  onRetry(): void;
  onOpenSettings(): void;
  onOpenOverview(division?: number): void;
}

export function PopupSummary({ state, onRetry, onOpenSettings, onOpenOverview }: PopupSummaryProps) {
  const { t, dateTime } = useI18n();
  const { divisions } = state;
  return (
    <main class="zfx-root zfx-popup">
      <h1 class="zfx-popup__title">{t("options.title")}</h1>
      <ProxyHealthLine health={state.health} onRetry={onRetry} onOpenSettings={onOpenSettings} />
      {divisions && !divisions.ok && (
        <ProblemNotice problem={divisions.problem} onRetry={onRetry} onOpenSettings={onOpenSettings} />
      )}
      {divisions?.ok && (
        <section aria-label={t("popup.exact")}>
          <h2 class="zfx-popup__heading">{t("popup.exact")}</h2>
          {divisions.value.length === 0 ? (
            <p>{t("options.exact.notConnected")}</p>
          ) : (
            <ul class="zfx-popup__divisions">
              {divisions.value.map((division) => (
                <li key={division.division}>
                  <button type="button" class="zfx-link" onClick={() => onOpenOverview(division.division)}>
                    {division.name} ({division.division})
                  </button>
                  <span class="zfx-muted">
                    {" "}
                    {t("popup.divisionCounts", { accounts: division.sync.accounts })}
                    {division.sync.lastCompletedAt ? ` · ${dateTime(division.sync.lastCompletedAt)}` : ""}
                  </span>
                  {!isLoaded(division) && <LoadDivisionButton division={division} onDone={onRetry} />}
                  <DivisionReadiness bookings={division.bookings} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div class="zfx-popup__actions">
        <button type="button" class="zfx-button" onClick={() => onOpenOverview()}>
          {t("popup.openOverview")}
        </button>
        <button type="button" class="zfx-button zfx-button--quiet" onClick={onOpenSettings}>
          {t("popup.openSettings")}
        </button>
      </div>
    </main>
  );
}
