import type { OverviewCounts, OverviewRow } from "@zapfloor-exact/shared/schemas/accounts";
import type { MirrorRow } from "../../db/mirror-reads";
import { linkedAccountsNeverMirrored, listingPage } from "../../db/overview-reads";
import { cursorSchemas, decodeCursor, encodeCursor } from "../../util/cursor";
import type { ServiceContext } from "../context";
import { type MirroredAccount, mirroredAccountOf } from "../matching/mirrored-account";
import { type DivisionView, divisionViewIfBuilt, sortKeyOf, unknownAccountRow } from "./division-view";
import { divisionViewAroundRows } from "./division-view-around";
import { lookalikesOf } from "./lookalikes";
import { rowOf } from "./overview-row";

type Scope = { tenantId: string; division: number };

/**
 * The overview without a filter, a page at a time from the mirror's listing index: a page costs its own rows,
 * never a pass over the division, so the first rows show at once even on a replica that has not indexed the
 * division yet. Each row's state comes from the division's view when this process has built it; until then (its
 * build runs in the background, from once the page that started it is answered) a page's rows come from one view
 * around its accounts, read with a statement per kind of key for the page, as the panel's answer is — where only
 * suggestions by a similar (not equal) name can be missing — and the counts per state are null. Once built, the
 * counts come from the view when they are kept or follow from the changes since (`state-tally.ts`); while the
 * whole division is being counted they are null too, and no page waits.
 */
export async function listInNameOrder(
  ctx: ServiceContext,
  scope: Scope,
  input: { limit: number; cursor?: string },
): Promise<{ accounts: OverviewRow[]; nextCursor: string | null; counts: OverviewCounts | null }> {
  const after = decodeCursor(input.cursor, cursorSchemas.keyed);
  const page = await listingPage(ctx.db, scope, after && { sortName: after.k, id: after.i }, input.limit + 1);
  const shown: MirrorRow[] = page.slice(0, input.limit);
  // Links to accounts the mirror never held come first: "(unknown account)" sorts before names.
  if (!after) {
    const unknown = await linkedAccountsNeverMirrored(ctx.db, scope);
    shown.unshift(...unknown.map((id) => unknownAccountRow(scope, id)));
  }
  const built = await divisionViewIfBuilt(ctx, scope);
  const view: DivisionView = built ?? (await divisionViewAroundRows(ctx, scope, shown));
  const accounts: OverviewRow[] = [];
  for (const row of shown) {
    const account =
      (view.accounts.index.get(row.id)?.account as MirroredAccount | undefined) ?? mirroredAccountOf(row);
    accounts.push({
      ...rowOf(view, { account, sortKey: sortKeyOf(account) }),
      lookalikes: lookalikesOf(view, account.id),
    });
  }
  const last = page[input.limit - 1];
  return {
    accounts,
    nextCursor: page.length > input.limit && last ? encodeCursor({ k: last.sortName, i: last.id }) : null,
    counts: built?.countsIfReady() ?? null,
  };
}
