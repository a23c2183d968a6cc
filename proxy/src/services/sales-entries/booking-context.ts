import type { DbOrTx } from "../../db/client";
import type { FieldLimits } from "../../exact/field-limits";
import type { DivisionRow } from "../divisions/require-division";
import { readReferenceData } from "../settings/reference-data";
import { readSettings } from "../settings/settings-store";
import type { BookingContext } from "./resolve-invoice";

/** Everything `resolveInvoice` needs about a division, from the database alone, and the configured field lengths. */
export async function loadBookingContext(
  db: DbOrTx,
  division: DivisionRow,
  fieldLimits?: FieldLimits,
): Promise<BookingContext> {
  const scope = { tenantId: division.tenantId, division: division.division };
  return {
    settings: await readSettings(db, scope),
    reference: await readReferenceData(db, scope),
    divisionCountry: division.country,
    ...(fieldLimits ? { fieldLimits } : {}),
  };
}
