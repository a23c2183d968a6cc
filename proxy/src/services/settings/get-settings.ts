import type { DivisionSettings } from "@zapfloor-exact/shared/schemas/settings";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { mirrorFreshness } from "../matching/mirror-freshness";
import { bookingReadiness } from "./readiness";
import { readReferenceData } from "./reference-data";
import { readSettings, type SettingsRow } from "./settings-store";

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

export function settingsView(
  division: number,
  row: SettingsRow | undefined,
  fetchedAt: number[],
  accountsLoaded: boolean,
): DivisionSettings {
  return {
    division,
    configured: Boolean(row?.salesJournal),
    salesJournal: row?.salesJournal ?? null,
    creditNoteJournal: row?.creditNoteJournal ?? null,
    glMapping: row?.glMapping ?? {},
    vatMapping: { rates: row?.vatMapping.rates ?? {}, international: row?.vatMapping.international ?? null },
    autoCreate: row?.autoCreate ?? true,
    autoPush: row?.autoPush ?? true,
    nonCustomerMatch: row?.nonCustomerMatch ?? "review",
    similarNameMatch: row?.similarNameMatch ?? "review",
    updatedAt: iso(row?.updatedAt),
    updatedBy: row?.updatedBy ?? null,
    referenceDataFetchedAt: fetchedAt.length ? iso(Math.min(...fetchedAt)) : null,
    bookings: bookingReadiness(row, accountsLoaded),
  };
}

/** The division's settings; the defaults when none were saved yet. */
export async function getSettings(
  ctx: ServiceContext,
  input: { tenantId: string; division: number },
): Promise<DivisionSettings> {
  await requireDivision(ctx, input.tenantId, input.division);
  const row = await readSettings(ctx.db, input);
  const reference = await readReferenceData(ctx.db, input);
  return settingsView(
    input.division,
    row,
    Object.values(reference.fetchedAt),
    await accountsLoaded(ctx, input),
  );
}

export async function accountsLoaded(ctx: ServiceContext, scope: { tenantId: string; division: number }) {
  return (await mirrorFreshness(ctx, scope)) !== "never_loaded";
}
