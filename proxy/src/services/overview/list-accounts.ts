import type { OverviewRow } from "@zapfloor-exact/shared/schemas/accounts";
import { cursorSchemas, decodeCursor, encodeCursor } from "../../util/cursor";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { requireLoadedMirror } from "../divisions/require-loaded-mirror";
import { type DivisionView, divisionView, type ListedAccount } from "./division-view";
import { listInNameOrder } from "./list-in-name-order";
import { lookalikesOf } from "./lookalikes";
import { rowOf } from "./overview-row";

export interface OverviewInput {
  tenantId: string;
  division: number;
  state: "all" | OverviewRow["state"];
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * The Exact Accounts Overview: every customer account (and every linked account) by name, with its link,
 * state, best suggestion and warnings. Without a filter, pages are ranges of the mirror's listing index
 * (`listInNameOrder`). A state or text filter reads the division's listing in memory: suggestions are worked out
 * as it is read and kept until the accounts, customers or links change, so filtering costs a full pass only the
 * first time. The counts per state for the division's filters are kept account by account (`state-tally.ts`).
 */
export async function listAccounts(ctx: ServiceContext, input: OverviewInput) {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  await requireLoadedMirror(ctx, scope);
  if (input.state === "all" && !input.q?.trim()) return listInNameOrder(ctx, scope, input);
  const after = decodeCursor(input.cursor, cursorSchemas.keyed);
  const view = await divisionView(ctx, scope);
  const [listing, counts] = await Promise.all([view.listing(), view.counts()]);
  // The states kept with the counts pass over accounts in other states without working out their rows.
  const kept = input.state === "all" ? undefined : view.keptStates();
  const matches = textFilter(input.q, view);

  const rows: OverviewRow[] = [];
  let last: ListedAccount | undefined;
  let more = false;
  for (let i = after ? firstAfter(listing, `${after.k}\u0000${after.i}`) : 0; i < listing.length; i++) {
    const listed = listing[i]!;
    if (!matches(listed) || (kept && kept.get(listed.account.id) !== input.state)) continue;
    const row = rowOf(view, listed);
    if (input.state !== "all" && row.state !== input.state) continue;
    if (rows.length === input.limit) {
      more = true;
      break;
    }
    // Only for the rows shown: looking for duplicates in every row a state filter passes over would cost a pass.
    rows.push({ ...row, lookalikes: lookalikesOf(view, listed.account.id) });
    last = listed;
  }
  const [name, id] = last?.sortKey.split("\u0000") ?? [];
  return {
    accounts: rows,
    nextCursor: more && name !== undefined && id !== undefined ? encodeCursor({ k: name, i: id }) : null,
    counts,
  };
}

/** The position of the first listed account after the cursor's. */
function firstAfter(listing: readonly ListedAccount[], sortKey: string): number {
  let low = 0;
  let high = listing.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (listing[middle]!.sortKey <= sortKey) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Name, Code, SearchCode, VAT number (any spelling) or the linked customer's number containing the text. */
function textFilter(q: string | undefined, view: DivisionView): (listed: ListedAccount) => boolean {
  const text = q?.trim().toLowerCase();
  if (!text) return () => true;
  const compact = text.replace(/[^a-z0-9]/g, "");
  return ({ account }) =>
    account.name.toLowerCase().includes(text) ||
    Boolean(account.code?.trim().toLowerCase().includes(text)) ||
    Boolean(account.searchCode?.trim().toLowerCase().includes(text)) ||
    (compact.length >= 2 &&
      Boolean(
        account.vatNumber
          ?.toLowerCase()
          .replace(/[^a-z0-9]/g, "")
          .includes(compact),
      )) ||
    Boolean(view.links.byAccount.get(account.id)?.customerNumber.toLowerCase().includes(text));
}
