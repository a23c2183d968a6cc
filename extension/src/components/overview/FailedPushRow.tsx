import { useI18n } from "../../i18n/I18nContext";
import type { FailedPush } from "../../utils/proxy-types";

/** One zapfloor invoice whose push to Exact failed, with Exact's own words when there are some. */
export function FailedPushRow({ entry }: { entry: FailedPush }) {
  const { t, dateTime } = useI18n();
  const error = entry.lastError;
  return (
    <div class="zfx-orow zfx-orow--failed" data-invoice={entry.invoiceNumber}>
      <div class="zfx-orow__account">
        <span class="zfx-orow__name">{t("overview.failed.invoice", { number: entry.invoiceNumber })}</span>
        <span class="zfx-muted zfx-orow__meta">
          {entry.totalInclVat} {entry.currency} · {dateTime(entry.updatedAt)}
        </span>
      </div>
      <div class="zfx-orow__state">
        <span class="zfx-state zfx-state--conflict">
          {t("overview.failed.attempts", { count: entry.attempts })}
        </span>
      </div>
      <div class="zfx-orow__customer">
        <span>{t("overview.failed.customer", { number: entry.customerNumber })}</span>
        {error && <span class="zfx-orow__concern">{error.exactMessage ?? error.message}</span>}
      </div>
      <div class="zfx-orow__actions" />
    </div>
  );
}
