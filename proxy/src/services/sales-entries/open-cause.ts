import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { ValidationProblem } from "../../errors";
import { AppError } from "../../errors";
import type { ExactServiceContext } from "../context";
import type { DivisionRow } from "../divisions/require-division";
import { matchCustomer } from "../matching/match-customer";
import { loadBookingContext } from "./booking-context";
import type { SalesEntryRow } from "./outbox-store";
import { resolveInvoice } from "./resolve-invoice";

/** What would make a retried entry fail or park again, found without calling Exact. */
export type OpenCause =
  | { reason: "booking_settings"; message: string; problems: ValidationProblem[] }
  | { reason: "customer_needs_review"; message: string; customerNumber: string; outcome: string };

/** Outcomes of a dry-run match that a push would not get past without a person. */
const STUCK = new Set(["conflict", "ambiguous", "stale", "review"]);

/**
 * Checks an entry against the division as it is now: do the settings still book it, and would its customer be
 * linked (or created) without a person? Both come from the database alone; the match is a dry run.
 */
export async function openCause(
  ctx: ExactServiceContext,
  division: DivisionRow,
  row: SalesEntryRow,
): Promise<OpenCause | undefined> {
  const invoice = row.body as unknown as Invoice;
  const booking = await loadBookingContext(ctx.db, division, ctx.exact.app.fieldLimits);
  const resolution = resolveInvoice(invoice, booking, row.invoiceNumber);
  if (!resolution.ok) {
    return {
      reason: "booking_settings",
      message: resolution.problems.map((problem) => problem.message).join("; "),
      problems: resolution.problems,
    };
  }
  if (row.exactAccountId) return undefined;

  let match: Awaited<ReturnType<typeof matchCustomer>>;
  try {
    match = await matchCustomer(ctx, {
      tenantId: row.tenantId,
      division: row.division,
      customerNumber: row.customerNumber,
      create: false,
      actor: "retry check",
    });
  } catch (error) {
    // A customer the proxy has not stored yet is stored from the invoice on the next attempt.
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  }
  const settings = booking.settings;
  const promotable =
    match.outcome === "review" &&
    settings?.nonCustomerMatch === "promote" &&
    match.reasons.some((reason) => reason.action === "promote_and_link");
  const createOff = match.outcome === "create" && settings?.autoCreate === false;
  if ((STUCK.has(match.outcome) && !promotable) || createOff) {
    return {
      reason: "customer_needs_review",
      customerNumber: row.customerNumber,
      outcome: match.outcome,
      message: match.reasons.map((reason) => reason.message).join(" "),
    };
  }
  return undefined;
}
