import { normaliseAccountId } from "@zapfloor-exact/shared/matching";
import type { AcceptSuggestionsResult } from "@zapfloor-exact/shared/schemas/accounts";
import type { ApiReason } from "@zapfloor-exact/shared/schemas/matching";
import { mirrorRow } from "../../db/mirror-reads";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { linkConflict, writeLink } from "../links/write-link";
import type { MirroredAccount } from "../matching/mirrored-account";
import { type DivisionView, divisionView, type ListedAccount } from "./division-view";

export interface AcceptInput {
  tenantId: string;
  division: number;
  dryRun: boolean;
  /** Only these accounts; default every listed account. */
  exactIds?: string[];
  actor: string;
}

type Skipped = AcceptSuggestionsResult["skipped"][number];
type Accepted = AcceptSuggestionsResult["linked"][number];

/**
 * Links every account whose suggestion is unambiguous (exactly one zapfloor customer's own decision picks it),
 * in one transaction, re-checking each pair against the links and the mirror as they are at that moment.
 * Accounts whose suggestion needs a person are reported as skipped, with the reason.
 */
export async function acceptSuggestions(
  ctx: ServiceContext,
  input: AcceptInput,
): Promise<AcceptSuggestionsResult> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const view = await divisionView(ctx, scope);
  const { accepted, skipped } = planFor(
    view,
    input.exactIds ? undefined : await view.listing(),
    input.exactIds,
  );
  if (input.dryRun) return { dryRun: true, linked: accepted, skipped };

  const now = ctx.clock.now();
  const linked = await ctx.db.transaction(async (tx) => {
    const done: Accepted[] = [];
    for (const pair of accepted) {
      const account = await mirrorRow(tx, scope, pair.exactId);
      const unusable = !account || account.deletedAt !== null || account.status !== "C" || account.blocked;
      const conflict = unusable
        ? "The account changed in Exact meanwhile."
        : (
            await linkConflict(tx, scope, {
              customerNumber: pair.customer.number,
              exactId: pair.exactId,
            })
          )?.message;
      if (conflict) {
        skipped.push({
          ...pair,
          reason: { code: "changed_meanwhile", accountId: pair.exactId, message: conflict },
        });
        continue;
      }
      await writeLink(tx, scope, {
        customerNumber: pair.customer.number,
        exactId: pair.exactId,
        method: "suggestion",
        action: "link",
        actor: input.actor,
        at: now,
        details: { reasons: pair.reasons.map((reason) => reason.code) },
      });
      done.push(pair);
    }
    return done;
  });
  return { dryRun: false, linked, skipped };
}

function planFor(
  view: DivisionView,
  listing: readonly ListedAccount[] | undefined,
  exactIds: string[] | undefined,
) {
  const accepted: Accepted[] = [];
  const skipped: Skipped[] = [];
  const requested = exactIds?.map(normaliseAccountId);
  const accounts: (MirroredAccount | string)[] = requested
    ? requested.map((id) => (view.accounts.index.get(id)?.account as MirroredAccount | undefined) ?? id)
    : (listing ?? []).map((listed) => listed.account);
  for (const account of accounts) {
    if (typeof account === "string") {
      skipped.push(
        skip(account, null, null, "no_suggestion", `Exact account ${account} is not in the mirror.`),
      );
      continue;
    }
    const linkedTo = view.links.byAccount.get(account.id)?.customerNumber;
    if (linkedTo !== undefined) {
      if (requested) {
        skipped.push(
          skip(
            account.id,
            account.name,
            linkedTo,
            "linked",
            `Already linked to zapfloor customer ${linkedTo}.`,
          ),
        );
      }
      continue;
    }
    const suggestion = view.suggestionFor(account);
    const number = suggestion.customerNumber;
    const customerRef = number ? { number, name: view.customers.rows.get(number)?.name ?? null } : null;
    if (suggestion.outcome === "match" && customerRef) {
      accepted.push({
        exactId: account.id,
        accountName: account.name,
        customer: customerRef,
        reasons: suggestion.reasons as ApiReason[],
      });
    } else if (suggestion.outcome === "review") {
      const reason = whyItNeedsAPerson(suggestion.reasons as ApiReason[]);
      skipped.push({ exactId: account.id, accountName: account.name, customer: customerRef, reason });
    } else if (requested) {
      skipped.push(
        skip(
          account.id,
          account.name,
          null,
          "no_suggestion",
          "No zapfloor customer is suggested for this account.",
        ),
      );
    }
  }
  return { accepted, skipped };
}

/** Reasons that only say what connects the two (the evidence) do not explain why a person must decide. */
const evidence = new Set<string>([
  "vat",
  "code",
  "searchCode",
  "companyNumber",
  "name_suggestions",
  "linked",
]);

function whyItNeedsAPerson(reasons: ApiReason[]): ApiReason {
  return (
    reasons.find((reason) => !evidence.has(reason.code)) ??
    reasons[0] ?? { code: "no_suggestion", message: "The suggestion needs a person." }
  );
}

function skip(
  exactId: string,
  accountName: string | null,
  customerNumber: string | null,
  code: ApiReason["code"],
  message: string,
): Skipped {
  return {
    exactId,
    accountName,
    customer: customerNumber ? { number: customerNumber, name: null } : null,
    reason: { code, accountId: exactId, message },
  };
}
