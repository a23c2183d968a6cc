import { type AccountIndex, lookalikeCustomers } from "@zapfloor-exact/shared/matching";
import type { ApiReason, MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import type { ServiceContext } from "../context";
import { mirrorIndexOf } from "./mirror-index";

const EVIDENCE: Record<string, string> = {
  linked: "it is the linked account",
  code: "its Code is the zapfloor number",
  searchCode: "its SearchCode is the zapfloor number",
  vat: "it has the customer's VAT number",
  companyNumber: "it has the customer's company number",
};

/**
 * When the account a match settled on has look-alikes in Exact (other customers with the same VAT number or
 * name: duplicates there), says which one was chosen and why, so that a bookkeeper can merge the others.
 */
export async function explainDuplicates(
  ctx: ServiceContext,
  scope: { tenantId: string; division: number },
  result: MatchResult,
  /** The division's index when the caller holds it current already. */
  current?: AccountIndex,
): Promise<MatchResult> {
  const chosen = result.link?.exactId ?? result.exactAccount?.id;
  if (!chosen || (result.outcome !== "match" && result.outcome !== "linked")) return result;
  const index = current ?? (await mirrorIndexOf(ctx, scope)).index;
  const indexed = index.get(chosen);
  if (!indexed) return result;
  const lookalikes = lookalikeCustomers(indexed, index);
  if (lookalikes.length === 0) return result;
  const why = [...new Set(result.reasons.flatMap((reason) => EVIDENCE[reason.code] ?? []))];
  const others = lookalikes
    .map(
      ({ account, sharedOn }) =>
        `"${account.account.name}" (${sharedOn.map((on) => (on === "vat" ? "same VAT number" : "same name")).join(", ")})`,
    )
    .join(", ");
  const reason: ApiReason = {
    code: "duplicates_in_exact",
    accountId: indexed.id,
    message: `Exact also has ${others}, which look${lookalikes.length === 1 ? "s" : ""} like the same company; "${indexed.account.name}" was chosen because ${why.length > 0 ? why.join(" and ") : "the decision table points to it"}. Merge the duplicates in Exact.`,
  };
  return { ...result, reasons: [...result.reasons, reason] };
}
