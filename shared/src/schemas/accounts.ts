import { z } from "zod";
import { customerSchema } from "./customers";
import { exactIdSchema } from "./identifiers";
import { linkSchema } from "./links";
import { exactAccountSchema, matchOutcomeSchema, matchSignalSchema, reasonSchema } from "./matching";
import { pageQuery } from "./paging";
import { searchText } from "./text-rules";

/**
 * Where an account stands, one value per account:
 * `linked` (linked, nothing to worry about), `conflict` (needs a person: a linked account with a warning, or a
 * suggestion that needs review), `suggested` (unlinked, with one unambiguous suggestion that
 * accept-suggestions would link), `unlinked` (unlinked, nothing to suggest).
 */
export const accountStateSchema = z.enum(["linked", "conflict", "suggested", "unlinked"]);
export type AccountState = z.infer<typeof accountStateSchema>;

export const exactIdParamSchema = z.object({ exactId: exactIdSchema });

export const overviewQuerySchema = z.object({
  state: z
    .enum(["all", "linked", "conflict", "suggested", "unlinked"])
    .default("all")
    .meta({ description: "Only accounts in this state.", example: "conflict" }),
  q: searchText.optional().meta({
    description: "Part of the name, Code, SearchCode, VAT number, or the linked customer's number.",
    example: "Acme",
  }),
  ...pageQuery,
});

/** A zapfloor customer, briefly, as a link or a suggestion points at it. */
export const customerRefSchema = z
  .object({ number: z.string(), name: z.string().nullable() })
  .meta({ id: "CustomerRef" });

export const linkWithCustomerSchema = linkSchema
  .extend({ customer: customerRefSchema })
  .meta({ id: "LinkWithCustomer" });

/** The account's best suggestion: the zapfloor customer that belongs to it, from the matching's side. */
export const suggestionSchema = z
  .object({
    outcome: z.enum(["linked", "match", "review", "none"]).meta({
      description:
        "`match`: exactly one customer's own decision picks this account; `review`: one involves it but needs a person.",
    }),
    customer: customerRefSchema.nullable(),
    score: z.number().nullable(),
    matchedOn: z.array(matchSignalSchema),
    reasons: z.array(reasonSchema),
  })
  .meta({ id: "Suggestion" });

/** Another Exact customer that looks like the same company: a duplicate in Exact, to merge there. */
export const lookalikeAccountSchema = z
  .object({
    accountId: z.string(),
    name: z.string(),
    code: z.string().nullable(),
    sharedOn: z.array(z.enum(["vat", "name"])).meta({
      description:
        "`vat`: the same VAT number; `name`: the same name once legal forms, accents and punctuation are set aside.",
    }),
  })
  .meta({ id: "LookalikeAccount" });

export const overviewRowSchema = z
  .object({
    account: exactAccountSchema,
    state: accountStateSchema,
    link: linkWithCustomerSchema.nullable(),
    suggestion: suggestionSchema,
    warnings: z.array(reasonSchema).meta({
      description: "Not a customer, blocked, deleted, VAT differs from the linked customer.",
    }),
    lookalikes: z.array(lookalikeAccountSchema).optional().meta({
      description: "Other Exact customers that look like the same company (same VAT number or name).",
    }),
    accountModified: z.string().nullable().meta({
      description:
        "Exact's `Modified` of the account as the mirror holds it (ISO), or null. Send it back as `accountModified` with a link or a fix to have it refused (409 `changed_in_exact`) if the account changed since.",
    }),
  })
  .meta({ id: "OverviewRow" });
export type OverviewRow = z.infer<typeof overviewRowSchema>;

const countOf = (what: string) =>
  z
    .number()
    .int()
    .nonnegative()
    .meta({ description: `Accounts ${what}.` });

/** How many of the division's listed accounts are in each state; what the overview's filters show. */
export const overviewCountsSchema = z
  .object({
    all: countOf("listed: every customer account and every linked account"),
    linked: countOf("in state `linked`"),
    unlinked: countOf("in state `unlinked`"),
    suggested: countOf("in state `suggested`"),
    conflict: countOf("in state `conflict`"),
  })
  .meta({
    id: "OverviewCounts",
    description:
      "How many of the division's accounts are in each state, over the whole division whatever `state` and `q` ask for; null while the proxy is still indexing the division (the first page is then read from the database) or counting it whole (after a start, or after a change to thousands of accounts); ask again a moment later.",
    example: { all: 1234, linked: 1000, unlinked: 150, suggested: 60, conflict: 24 },
  });
export type OverviewCounts = z.infer<typeof overviewCountsSchema>;

export const overviewPageSchema = z
  .object({
    accounts: z.array(overviewRowSchema),
    nextCursor: z.string().nullable(),
    counts: overviewCountsSchema.nullable(),
  })
  .meta({ id: "OverviewPage" });

/** One field of the Exact account as an action would change it, shown before it is done. */
export const fieldChangeSchema = z
  .object({
    field: z.enum(["VATNumber", "ChamberOfCommerce", "SearchCode"]),
    from: z.string().nullable(),
    to: z.string(),
  })
  .meta({ id: "FieldChange" });

/** A change to the Exact account that would let this customer be linked by its identifiers, shown before it is made. */
export const accountFixSchema = z
  .object({
    action: z.enum(["add_vat_and_link"]).meta({
      description:
        "`add_vat_and_link`: POST …/add-vat-and-link puts zapfloor's VAT number (and company number) on the account, then links.",
    }),
    changes: z.array(fieldChangeSchema),
  })
  .meta({ id: "AccountFix" });

/** A zapfloor customer that may belong to an account, with the evidence and its own decision. */
export const customerCandidateSchema = z
  .object({
    customer: customerSchema,
    matchedOn: z.array(matchSignalSchema),
    score: z.number(),
    nameSimilarity: z.number(),
    linkedTo: z
      .string()
      .nullable()
      .meta({ description: "The Exact account this customer is linked to, if any." }),
    decision: matchOutcomeSchema.nullable().meta({
      description:
        "What matching this customer from its own side decides (for customers found by an identifier).",
    }),
    reasons: z.array(reasonSchema),
    fix: accountFixSchema.optional().meta({
      description: "Offered when the account lacks what would link this customer (e.g. its VAT number).",
    }),
    linkChanges: z.array(fieldChangeSchema).optional().meta({
      description:
        "What linking this customer by hand (PUT …/link) also changes in Exact: its zapfloor number as the account's empty SearchCode.",
    }),
  })
  .meta({ id: "CustomerCandidate" });

export const accountDetailSchema = overviewRowSchema
  .extend({
    division: z.number(),
    link: linkSchema.extend({ customer: customerSchema.nullable() }).nullable(),
    candidates: z.array(customerCandidateSchema),
  })
  .meta({ id: "AccountDetail" });
export type AccountDetail = z.infer<typeof accountDetailSchema>;

/** What a hand link did to the Exact account's SearchCode, in words for the bookkeeper. */
export const searchCodeResultSchema = z
  .object({
    outcome: z.enum(["set", "already_set", "kept_other", "too_long", "taken", "already_linked"]).meta({
      description:
        "`set`: the empty SearchCode now holds the zapfloor number (one Exact call). Left alone: `already_set` (it is the number), `kept_other` (another value, never overwritten), `too_long` (the number does not fit), `taken` (another account carries the number), `already_linked` (the pair was linked before: nothing changed).",
    }),
    searchCode: z.string().nullable().meta({ description: "The account's SearchCode now." }),
    message: z.string(),
  })
  .meta({ id: "SearchCodeResult" });

export const linkResultSchema = accountDetailSchema
  .extend({ searchCodeResult: searchCodeResultSchema })
  .meta({ id: "LinkResult" });
export type LinkResult = z.infer<typeof linkResultSchema>;

export const acceptSuggestionsRequestSchema = z
  .strictObject({
    dryRun: z
      .boolean()
      .meta({ description: "`true` previews what would be linked and changes nothing.", example: true }),
    exactIds: z
      .array(exactIdSchema)
      .min(1)
      .max(500)
      .optional()
      .meta({
        description: "Only these accounts; default every account with a suggestion.",
        example: ["6c3b0d4e-0f5a-4c1b-9a3e-2d1f0b9c8a77"],
      }),
  })
  .meta({ id: "AcceptSuggestionsRequest" });

export const acceptedSuggestionSchema = z.object({
  exactId: z.string(),
  accountName: z.string(),
  customer: customerRefSchema,
  reasons: z.array(reasonSchema),
});

export const skippedSuggestionSchema = z.object({
  exactId: z.string(),
  accountName: z.string().nullable(),
  customer: customerRefSchema.nullable(),
  reason: reasonSchema,
});

export const acceptSuggestionsResultSchema = z
  .object({
    dryRun: z.boolean(),
    linked: z.array(acceptedSuggestionSchema).meta({ description: "Linked (or, in a dry run, would be)." }),
    skipped: z.array(skippedSuggestionSchema).meta({ description: "Not linked, each with the reason." }),
  })
  .meta({ id: "AcceptSuggestionsResult" });
export type AcceptSuggestionsResult = z.infer<typeof acceptSuggestionsResultSchema>;
