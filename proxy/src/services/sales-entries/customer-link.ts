import type { InvoiceCustomer } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { ExactServiceContext } from "../context";

export type CustomerLink =
  | { status: "linked"; exactAccountId: string }
  /** Matching needs a person (a conflict, a prospect, several candidates…): the entry waits in `needs_review`. */
  | { status: "review"; reason: string; details?: Record<string, unknown> };

/**
 * Makes sure the invoice's customer is linked to an Exact customer account in the division (match-or-create) and
 * names that account. Errors it throws are classified like any Exact error (transient → retried later).
 */
export type LinkCustomer = (
  ctx: ExactServiceContext,
  input: { tenantId: string; division: number; customer: InvoiceCustomer; actor: string },
) => Promise<CustomerLink>;
