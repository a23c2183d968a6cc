import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { BookingReadiness } from "../../utils/proxy-types";

/** "Cannot take invoices yet", with what is missing; nothing when the division is ready. */
export function DivisionReadiness({ bookings }: { bookings: BookingReadiness | undefined }) {
  const { t } = useI18n();
  if (!bookings || bookings.ready) return null;
  return (
    <p class="zfx-notice zfx-readiness" data-readiness="not-ready">
      {t("bookings.notReady", {
        missing: bookings.missing.map((what) => t(`bookings.missing.${what}` as MessageId)).join(", "),
      })}
    </p>
  );
}
