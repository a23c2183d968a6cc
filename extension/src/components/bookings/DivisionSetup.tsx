import { useCallback, useEffect, useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { ApiResult } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";
import type { DivisionSummary } from "../../utils/proxy-types";
import { ProblemNotice } from "../ProblemNotice";
import { BookingSettingsForm } from "./BookingSettingsForm";
import { DivisionReadiness } from "./DivisionReadiness";
import { isLoaded, LoadDivisionButton } from "./LoadDivisionButton";
import "./BookingSettings.css";

/** The division the page was opened for (`?division=`), e.g. from a "fix settings" action. */
function divisionFromUrl(): number | null {
  const value = Number(new URLSearchParams(window.location.search).get("division"));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * The options page's divisions: each one's accounts (loaded, or "Load now" with progress), whether it can take
 * invoices and what it lacks, and its booking settings.
 */
export function DivisionSetup({ reloadKey }: { reloadKey: unknown }) {
  const { t } = useI18n();
  const [divisions, setDivisions] = useState<ApiResult<DivisionSummary[]> | null>(null);
  const [editing, setEditing] = useState<number | null>(divisionFromUrl());

  const load = useCallback(() => {
    void askBackground("listDivisions").then(setDivisions);
  }, []);
  useEffect(load, [load, reloadKey]);

  if (divisions === null) return null;
  if (!divisions.ok) {
    // Nothing to set up before the proxy and Exact are connected; the sections above say what is missing.
    if (divisions.problem.kind === "not_configured" || divisions.problem.kind === "token_missing")
      return null;
    return (
      <section class="zfx-options" aria-label={t("bookings.divisions")}>
        <h2>{t("bookings.divisions")}</h2>
        <ProblemNotice problem={divisions.problem} onRetry={load} />
      </section>
    );
  }
  if (divisions.value.length === 0) return null;
  const selected = divisions.value.find((division) => division.division === editing);

  return (
    <section class="zfx-options" aria-label={t("bookings.divisions")}>
      <h2>{t("bookings.divisions")}</h2>
      <ul class="zfx-divisions">
        {divisions.value.map((division) => (
          <li key={division.division} data-division={division.division}>
            <strong>
              {division.name} ({division.division})
            </strong>
            <span class="zfx-muted">
              {isLoaded(division)
                ? t("popup.divisionCounts", { accounts: division.sync.accounts })
                : t("bookings.notLoaded")}{" "}
              {!isLoaded(division) && <LoadDivisionButton division={division} onDone={load} />}
            </span>
            <DivisionReadiness bookings={division.bookings} />
            <span>
              <button
                type="button"
                class="zfx-button zfx-button--quiet"
                aria-pressed={editing === division.division}
                onClick={() => setEditing(editing === division.division ? null : division.division)}
              >
                {t("bookings.setUp", { name: division.name })}
              </button>{" "}
              {isLoaded(division) && (
                <button
                  type="button"
                  class="zfx-button zfx-button--quiet"
                  onClick={() =>
                    void sendMessage("openGoLiveReview", { division: division.division }).catch(() => {})
                  }
                >
                  {t("goLive.open", { name: division.name })}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {selected && (
        <>
          <h3>{t("bookings.titleFor", { name: selected.name })}</h3>
          <BookingSettingsForm division={selected.division} onSaved={load} />
        </>
      )}
    </section>
  );
}
