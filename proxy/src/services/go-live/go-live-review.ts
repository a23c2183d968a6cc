import { decideForIndexedCustomer, indexCustomer, type MatchOutcome } from "@zapfloor-exact/shared/matching";
import {
  type GoLiveCustomer,
  type GoLiveOutcome,
  type GoLiveReview,
  goLiveOutcomes,
} from "@zapfloor-exact/shared/schemas/go-live";
import { probeDivision } from "../../db/division-probe";
import type { ServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { divisionNotConnected } from "../divisions/require-division";
import { mirrorNotLoaded } from "../divisions/require-loaded-mirror";
import { decisionOptions } from "../matching/decide-for-customer";
import { mirrorStateOf } from "../matching/mirror-freshness";
import { divisionView } from "../overview/division-view";
import { readSettings } from "../settings/settings-store";

const OUTCOME: Record<MatchOutcome, GoLiveOutcome> = {
  linked: "linked",
  match: "will_link",
  create: "will_create",
  review: "needs_review",
  ambiguous: "needs_review",
  stale: "needs_review",
  conflict: "conflict",
  unknown: "unknown",
};

/** What needs a person first: conflicts and reviews, then what would be created, then what is settled. */
const ORDER: GoLiveOutcome[] = ["conflict", "needs_review", "unknown", "will_create", "will_link", "linked"];
const byNumber = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/**
 * The go-live review of a division: match-or-create as a dry run for every zapfloor customer of the tenant, from the
 * division's in-memory view (no Exact call, nothing written), with the counts per outcome and the division's
 * auto-create and auto-push settings, so that a bookkeeper can check them before switching those on.
 */
export async function goLiveReview(
  ctx: ServiceContext,
  input: { tenantId: string; division: number; outcome?: GoLiveOutcome | undefined },
): Promise<GoLiveReview> {
  const scope = { tenantId: input.tenantId, division: input.division };
  const probe = await probeDivision(ctx.db, scope);
  if (!probe.accessible) throw divisionNotConnected(input.division);
  const mirror = mirrorStateOf(probe.sync, ctx.clock.now());
  if (mirror.freshness === "never_loaded") throw mirrorNotLoaded(input.division);
  const view = await divisionView(ctx, scope, probe);
  const settings = await readSettings(ctx.db, scope);
  const options = decisionOptions(mirror, probe.similarNameMatch);

  const counts = Object.fromEntries(goLiveOutcomes.map((outcome) => [outcome, 0])) as Record<
    GoLiveOutcome,
    number
  >;
  const customers: GoLiveCustomer[] = [];
  for (const row of view.customers.rows.values()) {
    const customer = zapfloorCustomerOf(row);
    const decision = decideForIndexedCustomer(
      indexCustomer(customer),
      view.accounts.index,
      view.links.lookup,
      options,
    );
    const outcome = OUTCOME[decision.outcome];
    counts[outcome]++;
    if (input.outcome && input.outcome !== outcome) continue;
    customers.push({
      customerNumber: row.number,
      name: customer.name,
      vatNumber: customer.vatNumber ?? null,
      outcome,
      matchOutcome: decision.outcome,
      account: decision.account
        ? {
            id: decision.account.id,
            code: decision.account.code?.trim() || null,
            name: decision.account.name,
            status: decision.account.status,
          }
        : null,
      reasons: decision.reasons,
    });
  }
  customers.sort(
    (a, b) =>
      ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome) || byNumber(a.customerNumber, b.customerNumber),
  );
  return {
    division: input.division,
    generatedAt: new Date(ctx.clock.now()).toISOString(),
    accountsLoadedAt: mirror.lastLoadedAt === null ? null : new Date(mirror.lastLoadedAt).toISOString(),
    autoCreate: settings?.autoCreate ?? true,
    autoPush: settings?.autoPush ?? true,
    total: view.customers.rows.size,
    counts,
    customers,
  };
}
