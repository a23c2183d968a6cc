import { z } from "zod";
import type { MatchOutcome, MatchSignal, ReasonCode } from "../matching/types";
import { linkSchema } from "./links";

const decisionReasonCodes = [
  "linked",
  "account_deleted",
  "not_a_customer",
  "account_blocked",
  "code",
  "searchCode",
  "vat",
  "companyNumber",
  "vat_contradiction",
  "vat_differs",
  "already_linked_elsewhere",
  "number_points_to_several",
  "vat_shared_by_several",
  "company_number_only",
  "customer_vat_invalid",
  "several_customers_match",
  "name_suggestions",
  "similar_name_exists",
  "mirror_not_loaded",
  "no_match",
] as const satisfies readonly ReasonCode[];

/** Every code the matching core can give must be listed above. */
type UnlistedReasonCode = Exclude<ReasonCode, (typeof decisionReasonCodes)[number]>;
const everyDecisionCodeListed: [UnlistedReasonCode] extends [never] ? true : never = true;
void everyDecisionCodeListed;

/** Codes the proxy adds to the matching core's: what a call did, and why it did not. */
const proxyReasonCodes = [
  /** A new Exact customer was created and linked. */
  "created",
  /** An account that an earlier, interrupted attempt created was found again by its SearchCode and linked. */
  "recovered",
  /** A prospect, suspect or supplier was made a customer and linked. */
  "promoted",
  /** The matched account was linked. */
  "link_made",
  /** Creation is switched off in the division's settings. */
  "auto_create_off",
  /** Exact keeps a different SearchCode than the zapfloor number that was sent (e.g. cut short). */
  "search_code_changed",
  /** The linked zapfloor customer is not (or no longer) known to the proxy. */
  "customer_unknown",
  /** A suggestion or a link was not made because the account or the customer changed meanwhile. */
  "changed_meanwhile",
  /** Accepting a suggestion: there is nothing unambiguous to accept for this account. */
  "no_suggestion",
  /** Exact holds other customers that look like the same company as the chosen one; says which and why. */
  "duplicates_in_exact",
] as const;

export const reasonCodes = [...decisionReasonCodes, ...proxyReasonCodes] as const;
export const reasonCodeSchema = z.enum(reasonCodes);
export type ApiReasonCode = z.infer<typeof reasonCodeSchema>;

export const reasonSchema = z
  .object({
    code: reasonCodeSchema,
    message: z.string().meta({ description: "Plain English; translate by `code`." }),
    accountId: z.string().optional(),
    customerNumber: z.string().optional(),
    action: z.enum(["promote_and_link"]).optional(),
    params: z.record(z.string(), z.string()).optional().meta({
      description:
        "What the sentence names, to translate by `code` (given on a parked invoice's reasons and an account's warnings): on `not_a_customer` `status` (Exact's account status), on `vat_differs` `customerVat` and `accountVat`.",
    }),
    lastLoadedAt: z.string().nullable().optional().meta({
      description:
        "On `mirror_not_loaded`: when the division's accounts were last loaded, or null for never.",
    }),
  })
  .meta({ id: "Reason" });
export type ApiReason = z.infer<typeof reasonSchema>;

export const matchOutcomeSchema = z.enum([
  "linked",
  "stale",
  "match",
  "conflict",
  "ambiguous",
  "review",
  "create",
  "unknown",
] as const satisfies readonly MatchOutcome[]);

export const matchSignalSchema = z.enum([
  "code",
  "searchCode",
  "vat",
  "companyNumber",
  "name",
] as const satisfies readonly MatchSignal[]);

export const exactAccountStatusSchema = z.enum(["C", "P", "S", "A"]).nullable();

/** An Exact account as the proxy's mirror holds it; Code and SearchCode without Exact's padding. */
export const exactAccountSchema = z
  .object({
    id: z.string().meta({ description: "The account GUID, lower case, without braces." }),
    code: z.string().nullable(),
    searchCode: z.string().nullable(),
    name: z.string(),
    vatNumber: z.string().nullable().meta({ description: "As Exact holds it, e.g. `BE 0407.186.105`." }),
    vatNumberNormalised: z.string().nullable().optional().meta({
      description:
        "The same number in its one canonical spelling, as matching reads it (e.g. `BE0407186105`); null when it cannot be read.",
    }),
    chamberOfCommerce: z.string().nullable(),
    status: exactAccountStatusSchema.meta({
      description: "C customer, P prospect, S suspect, A none (e.g. only a supplier).",
    }),
    isCustomer: z.boolean(),
    isSupplier: z.boolean(),
    isSales: z.boolean(),
    blocked: z.boolean(),
    email: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    deleted: z
      .boolean()
      .meta({ description: "Gone from Exact; kept because a link or an event refers to it." }),
    mirroredAt: z.string(),
  })
  .meta({ id: "ExactAccount" });
export type ExactAccountView = z.infer<typeof exactAccountSchema>;

/** An Exact account that may belong to a zapfloor customer, with the evidence. */
export const accountCandidateSchema = z
  .object({
    account: exactAccountSchema,
    matchedOn: z.array(matchSignalSchema),
    score: z.number().meta({ description: "0–1; one identifier gives 0.9, a name alone at most 0.5." }),
    nameSimilarity: z.number(),
    linkedTo: z.string().nullable().meta({ description: "The zapfloor customer it is linked to, if any." }),
  })
  .meta({ id: "AccountCandidate" });

export const matchRequestSchema = z
  .strictObject({
    create: z.boolean().meta({
      description:
        "`true`: link a match, or create the Exact customer when nothing matches. `false`: a dry run that changes nothing.",
      example: true,
    }),
  })
  .meta({ id: "MatchRequest" });

export const matchResultSchema = z
  .object({
    outcome: matchOutcomeSchema.meta({
      description:
        "What the decision table says for this customer; `unknown` when the division's accounts are not loaded (never read it as `create`).",
    }),
    performed: z.enum(["none", "linked", "created", "promoted"]).meta({
      description: "What this call changed: nothing, linked a match, created a customer, or promoted one.",
    }),
    exactAccount: exactAccountSchema.nullable(),
    link: linkSchema.nullable(),
    reasons: z.array(reasonSchema),
    candidates: z.array(accountCandidateSchema),
  })
  .meta({ id: "MatchResult" });
export type MatchResult = z.infer<typeof matchResultSchema>;
