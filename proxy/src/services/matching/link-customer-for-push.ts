import { AppError } from "../../errors";
import { storeCustomer } from "../customers/upsert-customer";
import { saidOf } from "../sales-entries/attempt-errors";
import type { LinkCustomer } from "../sales-entries/customer-link";
import { matchCustomer } from "./match-customer";
import { reasonsWithParams } from "./reason-params";

/** What match-or-create answers with, that leaves the customer linked to a usable account. */
const SETTLED = new Set(["linked", "created", "promoted"]);

/**
 * Match-or-create for the outbox worker: the invoice brings its customer along, which is stored as zapfloor
 * sent it; then the customer is matched, linked or created exactly like `POST …/match` with `create: true`.
 * Whatever needs a person (a conflict, a prospect, several candidates, a stale link) becomes `review` with
 * the reasons; Exact's failures are thrown, for the worker to retry.
 */
export const matchOrCreateForPush: LinkCustomer = async (ctx, input) => {
  const { number, ...customer } = input.customer;
  try {
    await storeCustomer(ctx, { tenantId: input.tenantId, number, customer });
    const result = await matchCustomer(ctx, {
      tenantId: input.tenantId,
      division: input.division,
      customerNumber: number,
      create: true,
      actor: input.actor,
    });
    const settled = result.outcome === "linked" || SETTLED.has(result.performed);
    if (settled && result.link) return { status: "linked", exactAccountId: result.link.exactId };
    return {
      status: "review",
      reason: result.reasons.map((reason) => reason.message).join(" "),
      details: {
        outcome: result.outcome,
        reasons: result.reasons.map((reason) => reason.code),
        // The same reasons whole, with what their sentences name: the overview words them in the reader's language.
        explained: reasonsWithParams(result, customer.vatNumber),
        candidates: result.candidates.map((candidate) => candidate.account.id),
      },
    };
  } catch (error) {
    if (error instanceof AppError && ["validation", "conflict", "not_found"].includes(error.code)) {
      return { status: "review", reason: error.message, details: { error: error.code, ...saidOf(error) } };
    }
    throw error;
  }
};
