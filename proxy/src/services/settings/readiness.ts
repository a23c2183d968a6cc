import type { BookingReadiness, MissingForBooking } from "@zapfloor-exact/shared/schemas/divisions";
import type { SettingsRow } from "./settings-store";

/**
 * What a division still lacks before it can take zapfloor invoices: its accounts loaded (matching needs the
 * mirror), a sales journal, a revenue GL mapping and a VAT mapping. An invoice may name an Exact GL account
 * directly, but a division without any mapping is not set up for bookings.
 */
export function bookingReadiness(
  settings: SettingsRow | undefined,
  accountsLoaded: boolean,
): BookingReadiness {
  const missing: MissingForBooking[] = [];
  if (!accountsLoaded) missing.push("accounts");
  if (!settings?.salesJournal) missing.push("salesJournal");
  if (!settings || Object.keys(settings.glMapping).length === 0) missing.push("glMapping");
  if (!settings || Object.keys(settings.vatMapping.rates).length === 0) missing.push("vatMapping");
  return { ready: missing.length === 0, missing };
}
