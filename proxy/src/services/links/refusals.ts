import { refused } from "../../errors";

/** A 404 for an account the division's copy of Exact does not hold (yet). */
export const accountNotInMirror = (exactId: string, division: number, hint = "") =>
  refused(
    "not_found",
    { reason: "account_not_in_mirror", params: { account: exactId, division: String(division) } },
    `Exact account ${exactId} is not in the mirror of division ${division}${hint}.`,
  );

/** A 404 for a zapfloor customer the proxy was never sent; `hint` says how to send it. */
export const customerUnknown = (number: string, hint = "") =>
  refused(
    "not_found",
    { reason: "customer_unknown", params: { customer: number } },
    `zapfloor customer ${number} is not known${hint}.`,
  );
