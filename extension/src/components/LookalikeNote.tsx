import { useI18n } from "../i18n/I18nContext";
import type { OverviewRow } from "../utils/proxy-types";

/** Flags Exact customers that look like the same company as this account: duplicates to merge in Exact. */
export function LookalikeNote({
  lookalikes,
  compact = false,
}: {
  lookalikes: OverviewRow["lookalikes"];
  /** In a one-line row: a short flag with the look-alikes' names, the full advice as its title. */
  compact?: boolean;
}) {
  const { t } = useI18n();
  if (!lookalikes || lookalikes.length === 0) return null;
  const names = lookalikes
    .map(
      (other) =>
        `${other.code ? `${other.code} ` : ""}${other.name} (${other.sharedOn
          .map((on) => t(on === "vat" ? "overview.lookalikes.vat" : "overview.lookalikes.name"))
          .join(", ")})`,
    )
    .join(", ");
  const text = t("overview.lookalikes", { names });
  return compact ? (
    <span class="zfx-chip zfx-lookalikes" data-lookalikes={lookalikes.length} title={text}>
      {t("overview.lookalikes.compact", { names })}
    </span>
  ) : (
    <p class="zfx-lookalikes" data-lookalikes={lookalikes.length}>
      {text}
    </p>
  );
}
