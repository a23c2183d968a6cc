import {
  type Decision,
  decideForIndexedCustomer,
  indexCustomer,
  linksFromPairs,
  type MatchOptions,
  resolveMatchOptions,
} from "@zapfloor-exact/shared/matching";
import type { CustomerRow } from "../../db/customer-store";
import { type LinkRow, linkOfCustomer, linksTouching } from "../../db/link-store";
import type { ServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { readSettings } from "../settings/settings-store";
import { prefetchAccountsFor } from "./db-account-lookup";
import { type MirrorState, mirrorState, mirrorUsable } from "./mirror-freshness";
import { mirrorIndexBuilt } from "./mirror-index";
import type { MirroredAccount } from "./mirrored-account";

export interface CustomerDecision {
  decision: Decision;
  /** The accounts the decision looked at, for showing them. */
  accounts: Map<string, MirroredAccount>;
  /** The customer's current link in the division, if any. */
  link: LinkRow | undefined;
  /** The current links of the customer and of every account looked at. */
  links: LinkRow[];
  /** How far the division's mirror can be trusted; a mirror that cannot makes every decision `unknown`. */
  mirror: MirrorState;
}

type Scope = { tenantId: string; division: number };

/** The decision table's options for a division: its setting for similar names, and whether its mirror is usable. */
export function decisionOptions(
  mirror: MirrorState,
  similarNameMatch: string | null | undefined,
): MatchOptions {
  return resolveMatchOptions({
    similarNameBlocksCreate: similarNameMatch !== "create",
    ...(mirrorUsable(mirror)
      ? {}
      : {
          mirrorNotLoaded: {
            lastLoadedAt: mirror.lastLoadedAt === null ? null : new Date(mirror.lastLoadedAt).toISOString(),
          },
        }),
  });
}

/**
 * The decision table for one zapfloor customer against the division's mirror and links as they are now:
 * a handful of indexed queries, no Exact call.
 */
export async function decideForCustomer(
  ctx: ServiceContext,
  scope: Scope,
  customerRow: CustomerRow,
  /** `ifIndexBuilt`: a dry run does not wait for the division's name index to be built to look for names. */
  names: "wait" | "ifIndexBuilt" = "wait",
): Promise<CustomerDecision> {
  const customer = indexCustomer(zapfloorCustomerOf(customerRow));
  const mirror = await mirrorState(ctx, scope);
  const settings = await readSettings(ctx.db, scope);
  const options = decisionOptions(mirror, settings?.similarNameMatch);
  const link = await linkOfCustomer(ctx.db, scope, customer.number);
  const alsoIds = link ? [link.exactId] : [];
  const decideWith = async (withNames: boolean) => {
    const lookup = await prefetchAccountsFor(ctx, scope, customer, { alsoIds, withNames });
    const links = await linksTouching(ctx.db, scope, {
      customerNumbers: [customer.number],
      exactIds: [...lookup.accounts.keys()],
    });
    const decision = decideForIndexedCustomer(
      customer,
      lookup,
      linksFromPairs(links.map((row) => [row.customerNumber, row.exactId] as const)),
      options,
    );
    return { lookup, links, decision };
  };
  let { lookup, links, decision } = await decideWith(false);
  // Name look-alikes only matter when a person has to decide; only then is the division's name index used.
  if (lookup.namesWanted && (names === "wait" || mirrorIndexBuilt(ctx, scope)))
    ({ lookup, links, decision } = await decideWith(true));
  return { decision, accounts: lookup.accounts, link, links, mirror };
}
