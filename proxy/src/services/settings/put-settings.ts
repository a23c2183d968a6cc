import type { DivisionSettings, SettingsInput } from "@zapfloor-exact/shared/schemas/settings";
import type { ReferenceKind } from "../../db/schema";
import { validationError } from "../../errors";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { accountsLoaded, settingsView } from "./get-settings";
import { fetchReferenceData, missingKinds, readReferenceData } from "./reference-data";
import { readSettings, writeSettings } from "./settings-store";
import { settingsProblems } from "./validate-settings";

/** A cached list younger than this is trusted even when a code is missing from it. */
const RECENT_MS = 60_000;

export interface PutSettingsInput {
  tenantId: string;
  division: number;
  settings: SettingsInput;
  /** Who saves them (the token's label). */
  by: string;
  /** Re-read journals, GL accounts and VAT codes from Exact even when cached. */
  refresh?: boolean;
}

/**
 * Saves the division's settings after checking every journal, GL account and VAT code against what the division
 * really has. The lists come from the cache; a list is read from Exact only when it was never read, when asked,
 * or when it lacks something the settings name and was read more than a minute ago (it may just have been added).
 */
export async function putSettings(
  ctx: ExactServiceContext,
  input: PutSettingsInput,
): Promise<DivisionSettings> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const api = ctx.exact.client.division(input.tenantId, input.division);

  let reference = await readReferenceData(ctx.db, scope);
  const firstRead: ReferenceKind[] = input.refresh
    ? ["journals", "glAccounts", "vatCodes"]
    : missingKinds(reference);
  if (firstRead.length) {
    await fetchReferenceData(ctx.db, api, firstRead, ctx.clock.now());
    reference = await readReferenceData(ctx.db, scope);
  }

  let problems = settingsProblems(input.settings, reference);
  const now = ctx.clock.now();
  const stale = [...new Set(problems.map((problem) => problem.kind))].filter(
    (kind) => now - (reference.fetchedAt[kind] ?? 0) > RECENT_MS,
  );
  if (stale.length) {
    await fetchReferenceData(ctx.db, api, stale, now);
    reference = await readReferenceData(ctx.db, scope);
    problems = settingsProblems(input.settings, reference);
  }
  if (problems.length) {
    throw validationError(
      problems.map(({ kind: _kind, ...problem }) => problem),
      "The settings name journals, GL accounts or VAT codes this division does not have.",
    );
  }

  await writeSettings(ctx.db, scope, input.settings, input.by, ctx.clock.now());
  const row = await readSettings(ctx.db, scope);
  return settingsView(
    input.division,
    row,
    Object.values(reference.fetchedAt),
    await accountsLoaded(ctx, scope),
  );
}
