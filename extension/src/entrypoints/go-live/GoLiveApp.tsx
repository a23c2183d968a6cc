import type { GoLiveReview } from "@zapfloor-exact/shared/schemas/go-live";
import { useCallback, useEffect, useState } from "preact/hooks";
import { GoLiveReviewView, type GoLiveSetting } from "../../components/go-live/GoLiveReviewView";
import { ProblemNotice } from "../../components/ProblemNotice";
import "../../components/theme.css";
import { I18nProvider, useI18n } from "../../i18n/I18nContext";
import { catalogOf } from "../../i18n/translate";
import { useLocale } from "../../i18n/use-locale";
import type { Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";

export function GoLiveApp() {
  const locale = useLocale();
  if (locale === null) return null;
  return (
    <I18nProvider locale={locale} messages={catalogOf(locale)}>
      <GoLivePage />
    </I18nProvider>
  );
}

function divisionFromUrl(): number | null {
  const value = Number(new URLSearchParams(window.location.search).get("division"));
  return Number.isInteger(value) && value > 0 ? value : null;
}

function GoLivePage() {
  const { t } = useI18n();
  const division = divisionFromUrl();
  const [review, setReview] = useState<GoLiveReview | null>(null);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [switching, setSwitching] = useState<GoLiveSetting | null>(null);

  const load = useCallback(() => {
    if (division === null) return;
    setProblem(null);
    void askBackground("getGoLiveReview", { division }).then((result) =>
      result.ok ? setReview(result.value) : setProblem(result.problem),
    );
  }, [division]);
  useEffect(() => {
    load();
    if (division === null) return;
    void askBackground("listDivisions").then((result) => {
      const found = result.ok ? result.value.find((d) => d.division === division) : undefined;
      setName(found ? `${found.name} (${division})` : String(division));
    });
  }, [load, division]);

  // The switches save the division's settings as they are, with the one setting on.
  const switchOn = async (setting: GoLiveSetting) => {
    if (division === null) return;
    setSwitching(setting);
    setProblem(null);
    const current = await askBackground("getBookingSettings", { division });
    const saved = current.ok
      ? await askBackground("saveBookingSettings", {
          division,
          settings: {
            salesJournal: current.value.salesJournal,
            creditNoteJournal: current.value.creditNoteJournal,
            glMapping: current.value.glMapping,
            vatMapping: current.value.vatMapping,
            autoCreate: current.value.autoCreate,
            autoPush: current.value.autoPush,
            nonCustomerMatch: current.value.nonCustomerMatch,
            similarNameMatch: current.value.similarNameMatch,
            [setting]: true,
          },
        })
      : current;
    setSwitching(null);
    if (!saved.ok) return setProblem(saved.problem);
    load();
  };

  const openSettings = () => void sendMessage("openOptionsPage").catch(() => {});
  if (division === null) {
    return (
      <main class="zfx-root zfx-golive">
        <h1>{t("goLive.title")}</h1>
        <p>{t("goLive.noDivision")}</p>
      </main>
    );
  }
  if (review === null) {
    return (
      <main class="zfx-root zfx-golive">
        <h1>{t("goLive.title")}</h1>
        {problem ? (
          <ProblemNotice problem={problem} onRetry={load} onOpenSettings={openSettings} />
        ) : (
          <p role="status">{t("goLive.loading")}</p>
        )}
      </main>
    );
  }
  return (
    <>
      {problem && <ProblemNotice problem={problem} onRetry={load} onOpenSettings={openSettings} />}
      <GoLiveReviewView
        review={review}
        divisionName={name || String(division)}
        onSwitchOn={(setting) => void switchOn(setting)}
        switching={switching}
      />
    </>
  );
}
