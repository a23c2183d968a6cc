import type { SearchCodeOnLink } from "@zapfloor-exact/shared/matching";
import type { CustomerRow } from "../../db/customer-store";
import { appendLinkEvent, type LinkRow, linkOfAccount } from "../../db/link-store";
import type { MirrorRow } from "../../db/mirror-reads";
import { upsertAccounts } from "../../db/mirror-store";
import { refused } from "../../errors";
import { promoteToCustomer, updateAccountFields } from "../../exact/resources/accounts";
import type { ExactServiceContext } from "../context";
import { rowWithChanges } from "../mirror/account-row";
import { linkConflict, linkConflictError, writeLink } from "./write-link";

type Scope = { tenantId: string; division: number };

/**
 * Makes a prospect, suspect or plain relation an Exact customer (Status C, allowed for sales) and links it:
 * one Exact call. Everything that would refuse the link is checked before that call, so Exact is never asked
 * to change an account that then cannot be linked. The mirror row is updated in the link's transaction.
 * A bookkeeper's promotion passes `searchCode` (link-account.ts): an empty SearchCode then gets the zapfloor
 * number in the same PUT.
 */
export async function promoteAndLinkAccount(
  ctx: ExactServiceContext,
  scope: Scope,
  account: MirrorRow,
  customer: CustomerRow,
  actor: string,
  searchCode?: SearchCodeOnLink,
): Promise<LinkRow> {
  if (account.deletedAt !== null) {
    throw refused(
      "conflict",
      { reason: "account_deleted", params: { account: account.name } },
      `Exact account ${account.id} was deleted in Exact Online.`,
    );
  }
  if (account.blocked) {
    throw refused(
      "conflict",
      { reason: "account_blocked", params: { account: account.name } },
      `Exact account "${account.name}" is blocked; unblock it in Exact Online first.`,
    );
  }
  const conflict = await linkConflict(ctx.db, scope, {
    customerNumber: customer.number,
    exactId: account.id,
    accountName: account.name,
  });
  if (conflict) throw linkConflictError(conflict);

  const wasCustomer = account.status === "C" && account.isSales;
  const api = ctx.exact.client.division(scope.tenantId, scope.division);
  const setSearchCode = searchCode?.outcome === "set" ? searchCode.change : undefined;
  const also = setSearchCode ? { SearchCode: setSearchCode.to } : {};
  if (!wasCustomer) await promoteToCustomer(api, account.id, also);
  else if (setSearchCode) await updateAccountFields(api, account.id, also);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (!wasCustomer || setSearchCode) {
      const changed = rowWithChanges(account, also, now);
      await upsertAccounts(tx, [wasCustomer ? changed : { ...changed, status: "C", isSales: true }]);
    }
    const details = {
      ...(wasCustomer ? {} : { previousStatus: account.status }),
      ...(setSearchCode ? { changes: [setSearchCode] } : {}),
    };
    const existing = await linkOfAccount(tx, scope, account.id);
    if (existing && !wasCustomer) {
      // Already linked to this customer (a stale link to a prospect): the promotion itself is what is audited.
      await appendLinkEvent(tx, scope, {
        action: "promote",
        customerNumber: customer.number,
        exactId: account.id,
        method: "promoted",
        actor,
        at: now,
        details,
      });
      return existing;
    }
    return writeLink(tx, scope, {
      customerNumber: customer.number,
      exactId: account.id,
      method: wasCustomer ? "manual" : "promoted",
      action: wasCustomer ? "link" : "promote",
      actor,
      at: now,
      details,
    });
  });
}
