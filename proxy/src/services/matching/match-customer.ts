import type { Decision, MatchSignal } from "@zapfloor-exact/shared/matching";
import type { ApiReason, MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { type CustomerRow, readCustomer } from "../../db/customer-store";
import { mirrorRow } from "../../db/mirror-reads";
import type { LinkMethod } from "../../db/schema";
import { describeError } from "../../db/storage-error";
import { AppError } from "../../errors";
import type { ExactServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { promoteAndLinkAccount } from "../links/promote-and-link";
import { customerUnknown } from "../links/refusals";
import { writeLink } from "../links/write-link";
import { syncDivision } from "../mirror/sync-division";
import { readSettings } from "../settings/settings-store";
import { createAccountOnce } from "./create-account-once";
import { type CustomerDecision, decideForCustomer } from "./decide-for-customer";
import { explainDuplicates } from "./explain-duplicates";
import { matchView } from "./match-view";
import { mirroredAccountOf } from "./mirrored-account";
import { assertFitsExactAccount, assertFitsSearchCode } from "./new-customer";
import { previewMatch } from "./preview-match";

export interface MatchInput {
  tenantId: string;
  division: number;
  customerNumber: string;
  /** False: a dry run that changes nothing and calls nothing. */
  create: boolean;
  /** Who asks, for the audit trail. */
  actor: string;
}

/** Deciding again after a concurrent change settles within a few rounds; past that, the last decision is answered. */
const MAX_ROUNDS = 4;

/**
 * Match-or-create for one zapfloor customer in one division. The decision comes from the mirror (no Exact call);
 * with `create`, a match is linked, and when nothing matches the Exact customer is created and linked exactly
 * once (`create-account-once.ts`). A prospect, suspect or supplier is never duplicated: that is `review`, unless
 * the division's settings say to promote it.
 */
export async function matchCustomer(ctx: ExactServiceContext, input: MatchInput): Promise<MatchResult> {
  if (!input.create) return previewMatch(ctx, input);
  return explainDuplicates(ctx, input, await decideAndAct(ctx, input));
}

async function decideAndAct(ctx: ExactServiceContext, input: MatchInput): Promise<MatchResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const customer = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!customer) {
    throw customerUnknown(
      input.customerNumber,
      `; send it with PUT /v1/customers/${input.customerNumber} first`,
    );
  }

  let syncedFirst = false;
  let decided = await decideForCustomer(ctx, scope, customer);
  if (input.create && decided.mirror.freshness === "outdated") {
    // Not brought up to date for too long: one attempt to catch up, else the answer stays `unknown`.
    syncedFirst = true;
    if (await caughtUp(ctx, scope)) decided = await decideForCustomer(ctx, scope, customer);
  }
  for (let round = 1; input.create && round <= MAX_ROUNDS; round++) {
    const { decision } = decided;
    if (decision.outcome === "match") {
      const linked = await linkMatch(ctx, scope, decided, customer, input.actor);
      if (linked) return linked;
    } else if (decision.outcome === "create") {
      const settings = await readSettings(ctx.db, scope);
      if (settings && !settings.autoCreate) {
        return matchView({ ...decided, performed: "none", extraReasons: [autoCreateOff(input.division)] });
      }
      assertFitsSearchCode(customer.number, ctx.exact.app.searchCodeMaxLength);
      assertFitsExactAccount(customer, ctx.exact.app.fieldLimits?.Account);
      // The decision rests on a usable mirror (else it is `unknown`); one synced over a minute ago is caught up first.
      const freshness = decided.mirror.freshness;
      if (freshness === "stale" && !syncedFirst) {
        syncedFirst = true;
        const sync = await syncDivision(ctx, { ...scope, kind: "incremental" });
        if (sync.status === "completed") {
          decided = await decideForCustomer(ctx, scope, customer);
          continue;
        }
      }
      const created = await createAccountOnce(ctx, {
        scope,
        customer,
        actor: input.actor,
        lookFirst: freshness === "stale",
      });
      if (created.kind !== "decide_again") {
        const reason: ApiReason = {
          code: created.kind,
          accountId: created.account.id,
          message:
            created.kind === "created"
              ? `Created Exact customer "${created.account.name}" with SearchCode ${customer.number} and linked it.`
              : `Found the Exact customer an earlier, interrupted attempt created (SearchCode ${customer.number}) and linked it.`,
        };
        return matchView({
          ...decided,
          link: created.link,
          account: created.account,
          performed: "created",
          extraReasons: [reason, ...created.notes],
        });
      }
    } else if (decision.outcome === "review" && isPromotable(decision)) {
      const settings = await readSettings(ctx.db, scope);
      if (settings?.nonCustomerMatch !== "promote") break;
      const promoted = await promoteMatch(ctx, scope, decided, customer, input.actor);
      if (promoted) return promoted;
    } else {
      break;
    }
    decided = await decideForCustomer(ctx, scope, customer);
  }
  return matchView({ ...decided, performed: "none" });
}

const LINK_METHOD_BY_SIGNAL: [MatchSignal, LinkMethod][] = [
  ["code", "code"],
  ["searchCode", "searchCode"],
  ["vat", "vat"],
];

/** Links the decision's account; undefined when a concurrent change got there first (decide again). */
async function linkMatch(
  ctx: ExactServiceContext,
  scope: { tenantId: string; division: number },
  decided: CustomerDecision,
  customer: CustomerRow,
  actor: string,
): Promise<MatchResult | undefined> {
  const account = decided.decision.account;
  if (!account) return undefined;
  const signals =
    decided.decision.candidates.find((candidate) => candidate.account.id === account.id)?.matchedOn ?? [];
  const method = LINK_METHOD_BY_SIGNAL.find(([signal]) => signals.includes(signal))?.[1] ?? "manual";
  const now = ctx.clock.now();
  try {
    const link = await ctx.db.transaction((tx) =>
      writeLink(tx, scope, {
        customerNumber: customer.number,
        exactId: account.id,
        method,
        action: "link",
        actor,
        at: now,
        details: { reasons: decided.decision.reasons.map((reason) => reason.code) },
      }),
    );
    const linkMade: ApiReason = {
      code: "link_made",
      accountId: account.id,
      message: `Linked zapfloor customer ${customer.number} to this Exact account (${method}).`,
    };
    return matchView({ ...decided, link, performed: "linked", extraReasons: [linkMade] });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return undefined;
    throw error;
  }
}

/** `review` of one prospect, suspect or supplier that can simply be made a customer. */
function isPromotable(decision: Decision): boolean {
  const accountId = decision.account?.id;
  return (
    accountId !== undefined &&
    decision.reasons.some(
      (reason) => reason.action === "promote_and_link" && reason.accountId === accountId,
    ) &&
    !decision.reasons.some(
      (reason) => reason.code === "account_blocked" || reason.code === "already_linked_elsewhere",
    )
  );
}

async function promoteMatch(
  ctx: ExactServiceContext,
  scope: { tenantId: string; division: number },
  decided: CustomerDecision,
  customer: CustomerRow,
  actor: string,
): Promise<MatchResult | undefined> {
  const accountId = decided.decision.account?.id;
  const row = accountId ? await mirrorRow(ctx.db, scope, accountId) : undefined;
  if (!row) return undefined;
  const link = await promoteAndLinkAccount(ctx, scope, row, customer, actor);
  const promotedRow = await mirrorRow(ctx.db, scope, row.id);
  const reason: ApiReason = {
    code: "promoted",
    accountId: row.id,
    message: `Made Exact account "${row.name}" a customer (it was ${row.status ?? "without status"}) and linked it, as the division's settings ask.`,
  };
  return matchView({
    ...decided,
    link,
    ...(promotedRow ? { account: mirroredAccountOf(promotedRow) } : {}),
    performed: "promoted",
    extraReasons: [reason],
  });
}

/** An incremental sync of a mirror that fell behind; false when Exact could not be reached for it. */
async function caughtUp(ctx: ExactServiceContext, scope: { tenantId: string; division: number }) {
  try {
    return (await syncDivision(ctx, { ...scope, kind: "incremental" })).status === "completed";
  } catch (error) {
    ctx.logger.warn("mirror could not be brought up to date", {
      ...scope,
      error: describeError(error),
    });
    return false;
  }
}

function autoCreateOff(division: number): ApiReason {
  return {
    code: "auto_create_off",
    message: `Creating Exact customers is switched off for division ${division}; link an account by hand.`,
  };
}
