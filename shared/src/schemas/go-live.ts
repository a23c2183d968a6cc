import { z } from "zod";
import { divisionParamSchema } from "./divisions";
import { exactAccountStatusSchema, matchOutcomeSchema, reasonSchema } from "./matching";

/** What match-or-create would do for a customer on the division's first invoices, in a bookkeeper's words. */
export const goLiveOutcomes = [
  "linked",
  "will_link",
  "will_create",
  "needs_review",
  "conflict",
  "unknown",
] as const;
export const goLiveOutcomeSchema = z.enum(goLiveOutcomes).meta({
  id: "GoLiveOutcome",
  description:
    "`linked` already; `will_link` to the account shown; `will_create` a new Exact customer (once auto-create is on); " +
    "`needs_review` by a person (ambiguous, a prospect or supplier, a look-alike name); `conflict` with a link or " +
    "the evidence; `unknown` while the division's accounts need loading again.",
  example: "will_link",
});
export type GoLiveOutcome = z.infer<typeof goLiveOutcomeSchema>;

export const goLiveParamSchema = divisionParamSchema;
export const goLiveQuerySchema = z.object({
  outcome: goLiveOutcomeSchema.optional().meta({
    description: "Only the customers with this outcome; `counts` always cover every customer.",
    example: "needs_review",
  }),
});

export const goLiveCustomerSchema = z
  .object({
    customerNumber: z.string().meta({ example: "1042" }),
    name: z.string().meta({ example: "Acme Workspace B.V." }),
    vatNumber: z.string().nullable().meta({ example: "NL856566925B01" }),
    outcome: goLiveOutcomeSchema,
    matchOutcome: matchOutcomeSchema.meta({ description: "The matching decision table's own outcome." }),
    account: z
      .object({
        id: z.string(),
        code: z.string().nullable().meta({ example: "1042" }),
        name: z.string().meta({ example: "Acme Workspace BV" }),
        status: exactAccountStatusSchema.meta({ description: "C customer, P prospect, S suspect, A none." }),
      })
      .nullable()
      .meta({ description: "The Exact account it is or would be linked to, when there is one." }),
    reasons: z.array(reasonSchema).meta({ description: "Why, in plain English; translate by `code`." }),
  })
  .meta({ id: "GoLiveCustomer" });
export type GoLiveCustomer = z.infer<typeof goLiveCustomerSchema>;

export const goLiveCountsSchema = z
  .object(
    Object.fromEntries(goLiveOutcomes.map((outcome) => [outcome, z.number().int()])) as {
      [K in GoLiveOutcome]: z.ZodNumber;
    },
  )
  .meta({ id: "GoLiveCounts", description: "How many customers have each outcome." });

export const goLiveReviewSchema = z
  .object({
    division: z.number(),
    generatedAt: z.string(),
    /** When the division's accounts were last loaded from Exact: what the review is as good as. */
    accountsLoadedAt: z.string().nullable(),
    autoCreate: z.boolean().meta({ description: "The division's auto-create setting now." }),
    autoPush: z.boolean().meta({ description: "The division's auto-push setting now." }),
    total: z.number().int().meta({ description: "Every zapfloor customer of the tenant." }),
    counts: goLiveCountsSchema,
    customers: z.array(goLiveCustomerSchema),
  })
  .meta({ id: "GoLiveReview" });
export type GoLiveReview = z.infer<typeof goLiveReviewSchema>;
