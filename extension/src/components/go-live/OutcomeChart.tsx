import type { GoLiveOutcome } from "@zapfloor-exact/shared/schemas/go-live";
import { goLiveOutcomes } from "@zapfloor-exact/shared/schemas/go-live";
import { useI18n } from "../../i18n/I18nContext";

const BAR_WIDTH = 320;
const ROW = 28;
const LABEL = 140;

/** One colour per outcome: settled in green, decisions for a person in amber and red. */
export const OUTCOME_COLOURS: Record<GoLiveOutcome, string> = {
  linked: "#0b6e4f",
  will_link: "#2f855a",
  will_create: "#2b6cb0",
  needs_review: "#b7791f",
  conflict: "#b42318",
  unknown: "#5c6670",
};

/** The counts per outcome as horizontal bars; the picture is described in words for screen readers. */
export function OutcomeChart({ counts }: { counts: Record<GoLiveOutcome, number> }) {
  const { t } = useI18n();
  const widest = Math.max(1, ...goLiveOutcomes.map((outcome) => counts[outcome]));
  const described = goLiveOutcomes
    .map((outcome) => `${t(`goLive.outcome.${outcome}`)}: ${counts[outcome]}`)
    .join(", ");
  return (
    <figure class="zfx-golive__chart">
      <figcaption>{t("goLive.chart")}</figcaption>
      <svg
        role="img"
        aria-label={`${t("goLive.chart")}: ${described}`}
        viewBox={`0 0 ${LABEL + BAR_WIDTH + 60} ${goLiveOutcomes.length * ROW}`}
        width={LABEL + BAR_WIDTH + 60}
        height={goLiveOutcomes.length * ROW}
      >
        {goLiveOutcomes.map((outcome, i) => {
          const width = Math.round((counts[outcome] / widest) * BAR_WIDTH);
          const y = i * ROW;
          return (
            <g key={outcome} data-outcome={outcome}>
              <text x={LABEL - 8} y={y + ROW / 2 + 5} text-anchor="end">
                {t(`goLive.outcome.${outcome}`)}
              </text>
              <rect
                x={LABEL}
                y={y + 4}
                width={Math.max(width, 1)}
                height={ROW - 8}
                fill={OUTCOME_COLOURS[outcome]}
              />
              <text x={LABEL + Math.max(width, 1) + 6} y={y + ROW / 2 + 5}>
                {counts[outcome]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
