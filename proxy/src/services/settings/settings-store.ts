import type { SettingsInput } from "@zapfloor-exact/shared/schemas/settings";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { divisionSettings } from "../../db/schema";

export type SettingsRow = typeof divisionSettings.$inferSelect;
type Scope = { tenantId: string; division: number };

export async function readSettings(db: DbOrTx, scope: Scope): Promise<SettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(divisionSettings)
    .where(and(eq(divisionSettings.tenantId, scope.tenantId), eq(divisionSettings.division, scope.division)));
  return row;
}

export async function writeSettings(
  db: DbOrTx,
  scope: Scope,
  input: SettingsInput,
  by: string,
  now: number,
): Promise<void> {
  const values = {
    salesJournal: input.salesJournal,
    creditNoteJournal: input.creditNoteJournal,
    glMapping: input.glMapping,
    vatMapping: {
      rates: input.vatMapping.rates,
      ...(input.vatMapping.international === null ? {} : { international: input.vatMapping.international }),
    },
    autoCreate: input.autoCreate,
    autoPush: input.autoPush,
    nonCustomerMatch: input.nonCustomerMatch,
    similarNameMatch: input.similarNameMatch,
    updatedAt: now,
    updatedBy: by,
  };
  await db
    .insert(divisionSettings)
    .values({ ...scope, ...values })
    .onConflictDoUpdate({ target: [divisionSettings.tenantId, divisionSettings.division], set: values });
}
