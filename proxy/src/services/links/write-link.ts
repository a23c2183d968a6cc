import type { DbOrTx, Tx } from "../../db/client";
import {
  appendLinkEvent,
  insertLink,
  type LinkRow,
  linkOfAccount,
  linkOfCustomer,
  type NewLinkEvent,
} from "../../db/link-store";
import type { LinkAction, LinkMethod } from "../../db/schema";
import { refused, type Said } from "../../errors";
import { recordLinkEvent } from "../events/link-events";

type Scope = { tenantId: string; division: number };

export interface LinkToWrite {
  customerNumber: string;
  exactId: string;
  method: LinkMethod;
  action: Extract<LinkAction, "link" | "create" | "promote">;
  actor: string;
  at: number;
  details?: Record<string, unknown>;
}

/** Why a pair cannot be linked now: in plain words, and by reason with the values it names. */
export interface LinkConflict {
  message: string;
  said: Said;
}

/**
 * Why this pair cannot be linked now; undefined when both sides are free. The account is named by `accountName`
 * when the caller has it (a bookkeeper knows it by name), else by its id.
 */
export async function linkConflict(
  tx: DbOrTx,
  scope: Scope,
  pair: { customerNumber: string; exactId: string; accountName?: string },
): Promise<LinkConflict | undefined> {
  const ofAccount = await linkOfAccount(tx, scope, pair.exactId);
  if (ofAccount && ofAccount.customerNumber !== pair.customerNumber) {
    return {
      message: `Exact account ${pair.exactId} is already linked to zapfloor customer ${ofAccount.customerNumber}.`,
      said: {
        reason: "account_linked_elsewhere",
        params: { account: pair.accountName ?? pair.exactId, customer: ofAccount.customerNumber },
      },
    };
  }
  const ofCustomer = await linkOfCustomer(tx, scope, pair.customerNumber);
  if (ofCustomer && ofCustomer.exactId !== pair.exactId) {
    return {
      message: `zapfloor customer ${pair.customerNumber} is already linked to Exact account ${ofCustomer.exactId}.`,
      said: {
        reason: "customer_linked_elsewhere",
        params: { customer: pair.customerNumber, account: ofCustomer.exactId },
      },
    };
  }
  return undefined;
}

/** The 409 of a pair that cannot be linked now. */
export const linkConflictError = (conflict: LinkConflict) =>
  refused("conflict", conflict.said, conflict.message);

/**
 * Links the pair and writes the audit event, inside the caller's transaction. The pair already linked to
 * each other is no change; either side linked elsewhere is a 409 that says which.
 */
export async function writeLink(tx: Tx, scope: Scope, link: LinkToWrite): Promise<LinkRow> {
  const conflict = await linkConflict(tx, scope, link);
  if (conflict) throw linkConflictError(conflict);
  const existing = await linkOfAccount(tx, scope, link.exactId);
  if (existing) return existing;
  const row = await insertLink(tx, scope, {
    customerNumber: link.customerNumber,
    exactId: link.exactId,
    method: link.method,
    linkedBy: link.actor,
    linkedAt: link.at,
  });
  // The reads above ran in this write transaction, so the unique indexes cannot refuse it; if they do, say so.
  if (!row)
    throw refused("conflict", { reason: "link_changed_meanwhile" }, "The link changed meanwhile; try again.");
  const event: NewLinkEvent = {
    action: link.action,
    customerNumber: link.customerNumber,
    exactId: link.exactId,
    method: link.method,
    actor: link.actor,
    at: link.at,
    ...(link.details ? { details: link.details } : {}),
  };
  await appendLinkEvent(tx, scope, event);
  await recordLinkEvent(tx, "link.created", row, link.at);
  return row;
}
