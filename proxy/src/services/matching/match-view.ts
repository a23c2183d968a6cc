import type { Candidate, Decision } from "@zapfloor-exact/shared/matching";
import type { ApiReason, MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import type { LinkRow } from "../../db/link-store";
import { linkView } from "../links/link-view";
import { exactAccountView, type MirroredAccount } from "./mirrored-account";

export interface MatchViewInput {
  decision: Decision;
  accounts: Map<string, MirroredAccount>;
  link: LinkRow | undefined;
  performed: MatchResult["performed"];
  /** The account to show when the call changed which one it is (created, promoted). */
  account?: MirroredAccount;
  extraReasons?: ApiReason[];
}

/** A decision as the API returns it, with accounts shown as freshly read from the mirror. */
export function matchView(input: MatchViewInput): MatchResult {
  const { decision, accounts } = input;
  const shown = (account: { id: string }) => accounts.get(account.id) ?? account;
  const chosen = input.account ?? (decision.account ? shown(decision.account) : undefined);
  return {
    outcome: decision.outcome,
    performed: input.performed,
    exactAccount: chosen ? exactAccountView(chosen as MirroredAccount) : null,
    link: input.link ? linkView(input.link) : null,
    reasons: [...decision.reasons, ...(input.extraReasons ?? [])],
    candidates: decision.candidates.map((candidate: Candidate) => ({
      account: exactAccountView(shown(candidate.account) as MirroredAccount),
      matchedOn: candidate.matchedOn,
      score: candidate.score,
      nameSimilarity: candidate.nameSimilarity,
      linkedTo: candidate.linkedTo ?? null,
    })),
  };
}
