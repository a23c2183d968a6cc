import { useI18n } from "../../i18n/I18nContext";
import type { DivisionSummary } from "../../utils/proxy-types";
import { ErrorSaid } from "../ErrorSaid";
import { ProblemNotice } from "../ProblemNotice";
import { useDivisionLoad } from "./use-division-load";

/** Whether the division's accounts were ever loaded. */
export const isLoaded = (division: DivisionSummary) =>
  division.bookings
    ? !division.bookings.missing.includes("accounts")
    : division.sync.lastCompletedAt !== null;

/** "Load now" for a division whose accounts were never loaded, then its progress. */
export function LoadDivisionButton({ division, onDone }: { division: DivisionSummary; onDone(): void }) {
  const { t } = useI18n();
  const load = useDivisionLoad(division.division, onDone);
  const running = load.state?.status === "running" || division.sync.status === "running";
  const rows = load.state?.progressRows ?? division.sync.progressRows ?? 0;
  return (
    <span class="zfx-load">
      {running ? (
        <span role="status" class="zfx-muted">
          {t("bookings.loading", { rows })}
        </span>
      ) : (
        <button
          type="button"
          class="zfx-button zfx-button--quiet"
          aria-label={t("bookings.loadNowNamed", { name: division.name })}
          onClick={load.start}
        >
          {t("bookings.loadNow")}
        </button>
      )}
      {load.state?.status === "failed" && (
        <span class="zfx-notice zfx-notice--error" role="alert">
          {t("bookings.loadFailed")}
          {load.state.lastErrorReason ? (
            <>
              {" "}
              <ErrorSaid said={load.state.lastErrorReason} />
            </>
          ) : (
            load.state.lastError && (
              <>
                {" "}
                {t("problem.detail")} <span lang="en">{load.state.lastError}</span>
              </>
            )
          )}
        </span>
      )}
      {load.problem && <ProblemNotice problem={load.problem} onRetry={load.start} />}
    </span>
  );
}
