import type { Attention, AttentionItem } from "@zapfloor-exact/shared/schemas/attention";
import { mirrorRowsByIds } from "../../db/mirror-reads";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { divisionView } from "../overview/division-view";
import { rowOf } from "../overview/overview-row";
import { listEntries, type SalesEntryRow } from "../sales-entries/outbox-store";
import { accountsLoaded } from "../settings/get-settings";
import { bookingReadiness } from "../settings/readiness";
import { readSettings } from "../settings/settings-store";
import { pushReason } from "./push-reason";
import { errorOf, problemsOf, reasonsOf } from "./recorded-why";

/** At most this many pushes per state and this many suggestions are listed; the counts are complete. */
const LISTED = 500;
const SUGGESTIONS_LISTED = 100;

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/**
 * Everything in a division that needs a bookkeeper: pushes that failed or wait for review, each with its reason
 * and the action that resolves it; accounts in conflict; suggestions to accept; and what the division still
 * lacks before it can take invoices. Read from the database alone.
 */
export async function divisionAttention(
  ctx: ServiceContext,
  input: { tenantId: string; division: number },
): Promise<Attention> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const bookings = bookingReadiness(await readSettings(ctx.db, scope), await accountsLoaded(ctx, scope));

  const pushes = [
    ...(await listEntries(ctx.db, scope, { state: "needs_review", limit: LISTED })),
    ...(await listEntries(ctx.db, scope, { state: "failed", limit: LISTED })),
  ];
  const pushItems = await pushItemsOf(ctx, scope, pushes);

  const view = await divisionView(ctx, scope);
  const accountItems: AttentionItem[] = [];
  let conflicts = 0;
  let suggestions = 0;
  const [listing] = await Promise.all([view.listing(), view.counts()]);
  // The states kept with the counts pass over linked and unlinked accounts without working out their rows.
  const kept = view.keptStates();
  for (const listed of listing) {
    const state = kept?.get(listed.account.id);
    if (state !== undefined && state !== "conflict" && state !== "suggested") continue;
    const row = rowOf(view, listed);
    if (row.state !== "conflict" && row.state !== "suggested") continue;
    const conflict = row.state === "conflict";
    if (conflict) conflicts++;
    else if (++suggestions > SUGGESTIONS_LISTED) continue;
    const reasons = conflict && row.warnings.length ? row.warnings : row.suggestion.reasons;
    accountItems.push({
      kind: "account",
      reason: conflict ? "account_conflict" : "suggestion",
      action: "review_account",
      message: reasons.map((reason) => reason.message).join(" "),
      invoiceNumber: null,
      entryState: null,
      totalInclVat: null,
      customerNumber: row.link?.customer.number ?? row.suggestion.customer?.number ?? null,
      accounts: [{ id: row.account.id, name: row.account.name, code: row.account.code }],
      reasons,
      problems: [],
      error: null,
      updatedAt: null,
    });
  }

  return {
    division: input.division,
    bookings,
    counts: { pushes: pushes.length, conflicts, suggestions, problems: pushes.length + conflicts },
    items: [...pushItems, ...accountItems],
  };
}

export async function pushItemsOf(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
  rows: SalesEntryRow[],
): Promise<AttentionItem[]> {
  const reasons = rows.map(pushReason);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row.exactAccountId) ids.add(row.exactAccountId);
    for (const id of reasons[i]!.candidates) ids.add(id);
  });
  const mirrored = new Map((await mirrorRowsByIds(ctx.db, scope, [...ids])).map((row) => [row.id, row]));
  const accounts = new Map(
    [...mirrored.values()].map((account) => [
      account.id,
      { id: account.id, name: account.name, code: account.code?.trim() || null },
    ]),
  );
  return rows.map((row, i) => {
    const { reason, action, candidates } = reasons[i]!;
    const body = row.body as { totalInclVat?: string };
    const named = [row.exactAccountId, ...candidates].filter((id): id is string => Boolean(id));
    return {
      kind: "push",
      reason,
      action,
      message: row.lastError ?? "",
      invoiceNumber: row.invoiceNumber,
      entryState: row.state,
      totalInclVat: body.totalInclVat ?? null,
      customerNumber: row.customerNumber,
      accounts: [...new Set(named)].flatMap((id) => accounts.get(id) ?? []),
      reasons: reasonsOf(row, mirrored),
      problems: problemsOf(row.lastErrorDetails),
      error: errorOf(row.lastErrorDetails, row.lastError),
      updatedAt: iso(row.updatedAt),
    };
  });
}
