import { z } from "zod";
import { bookingReadinessSchema } from "./divisions";
import { errorSaidSchema, validationProblemSchema } from "./error";
import { reasonSchema } from "./matching";
import { salesEntryStateSchema } from "./sales-entries";

/**
 * Why an item needs a person, one code per item; `message` says it in plain English (translate by `reason`).
 * Pushes: `booking_settings` (the settings do not book it), `customer_needs_review` (its customer needs linking
 * by hand), `exact_refused` (Exact said no), `already_in_exact` (Exact holds entries with its number),
 * `push_failed` (anything else). Accounts: `account_conflict`, `suggestion`.
 */
export const attentionReasonSchema = z.enum([
  "booking_settings",
  "customer_needs_review",
  "exact_refused",
  "already_in_exact",
  "push_failed",
  "account_conflict",
  "suggestion",
]);
export type AttentionReason = z.infer<typeof attentionReasonSchema>;

/** What resolves it: fix the division's settings, link the right account, or retry the push. */
export const attentionActionSchema = z.enum(["fix_settings", "link_account", "retry", "review_account"]);
export type AttentionAction = z.infer<typeof attentionActionSchema>;

export const attentionAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
});

export const attentionItemSchema = z
  .object({
    kind: z.enum(["push", "account"]),
    reason: attentionReasonSchema,
    action: attentionActionSchema,
    message: z.string(),
    invoiceNumber: z.string().nullable(),
    entryState: salesEntryStateSchema.nullable(),
    totalInclVat: z.string().nullable(),
    customerNumber: z.string().nullable(),
    /** The account the item is about, or the candidate accounts of a customer that needs linking. */
    accounts: z.array(attentionAccountSchema),
    /** An account's reasons; for `customer_needs_review`, why its match needs a person, with `params` (translate by `code`). */
    reasons: z.array(reasonSchema),
    /** For `booking_settings`: what the settings lack for this invoice, one problem each (translate by `code`). */
    problems: z.array(validationProblemSchema),
    error: errorSaidSchema.nullable().meta({
      description:
        "For a push: what stopped its last attempt (`message`), by the same `reason` and `params` as the API's errors, e.g. `exact_refused` with what Exact said in `params.exactMessage` (translate by `reason`). A push recorded before its reason was kept gets one told from what it kept: `match_failed` or `attempt_failed` with the error's `kind`, a storage reason, or `internal`. Null when the item's `reasons` or `problems` say it, or when nothing more is known.",
    }),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "AttentionItem" });
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const attentionSchema = z
  .object({
    division: z.number(),
    bookings: bookingReadinessSchema,
    counts: z.object({
      pushes: z.number().meta({ description: "Failed pushes and pushes that need review." }),
      conflicts: z.number().meta({ description: "Accounts whose link or suggestion needs a person." }),
      suggestions: z.number().meta({ description: "Unambiguous suggestions waiting to be accepted." }),
      problems: z.number().meta({ description: "Pushes plus conflicts: what the toolbar badge counts." }),
    }),
    items: z.array(attentionItemSchema),
  })
  .meta({ id: "Attention" });
export type Attention = z.infer<typeof attentionSchema>;

/** One invoice of an account's customer, briefly: its push and paid state. */
export const accountInvoiceSchema = z
  .object({
    invoiceNumber: z.string(),
    type: z.enum(["invoice", "credit_note"]),
    date: z.string(),
    totalInclVat: z.string(),
    currency: z.string(),
    state: salesEntryStateSchema,
    paid: z.enum(["unknown", "open", "paid"]),
    exactEntryNumber: z.number().nullable(),
  })
  .meta({ id: "AccountInvoice" });

export const accountInvoicesSchema = z
  .object({
    /** Pushes of this account's customer that failed or wait, and those that name this account as a candidate. */
    problems: z.array(attentionItemSchema),
    /** The linked customer's latest invoices, newest first. */
    invoices: z.array(accountInvoiceSchema),
  })
  .meta({ id: "AccountInvoices" });
export type AccountInvoices = z.infer<typeof accountInvoicesSchema>;
