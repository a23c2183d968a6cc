import { normaliseAccountId, vatFixFor } from "@zapfloor-exact/shared/matching";
import type { AccountDetail } from "@zapfloor-exact/shared/schemas/accounts";
import { readCustomer } from "../../db/customer-store";
import { mirrorRow, mirrorRowsSharingKeys } from "../../db/mirror-reads";
import { upsertAccounts } from "../../db/mirror-store";
import { AppError, refused } from "../../errors";
import { type AccountFieldChanges, updateAccountFields } from "../../exact/resources/accounts";
import type { ExactServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { requireDivision } from "../divisions/require-division";
import { mirrorState, mirrorUsable } from "../matching/mirror-freshness";
import { rowWithChanges, snapshotOfRow } from "../mirror/account-row";
import { accountDetail } from "../overview/account-detail";
import { assertAccountUnchanged } from "./account-version";
import { accountNotInMirror, customerUnknown } from "./refusals";
import { linkConflict, linkConflictError, writeLink } from "./write-link";

export interface AddVatInput {
  tenantId: string;
  division: number;
  exactId: string;
  customerNumber: string;
  actor: string;
  /** The account's version as the bookkeeper saw it with the fix (`accountModified`). */
  accountModified?: string | null | undefined;
}

/**
 * "Add the VAT number and link": an Exact customer without a VAT number whose name agrees with the zapfloor
 * customer's gets zapfloor's VAT number (and company number, when it has none), then the two are linked, and
 * the change is in the link's audit event. Everything that would refuse is checked before Exact is touched,
 * and the fix costs one Exact call: a PUT of the fields shown, nothing else.
 *
 * Exact documents no conditional write (no ETag or If-Match on crm/Accounts), so the account is not read again
 * first: the check rests on the mirror, which Exact's Accounts webhook and the periodic sync keep current. A
 * fix confirmed on a version of the account the mirror no longer holds (`accountModified` differs: it was
 * changed in Exact since it was shown) is refused, as is any fix on a mirror too old to decide on. Exact
 * leaves every property a PUT does not send as it was [exact-online-api.md §2, §3], and the fields sent were
 * empty in the mirror, so an edit made in Exact that the mirror has not heard of yet is only overwritten if it
 * filled those very fields in that moment. Answers the account as it now stands.
 */
export async function addVatAndLink(ctx: ExactServiceContext, input: AddVatInput): Promise<AccountDetail> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  const row = await mirrorRow(ctx.db, scope, exactId);
  if (!row || row.deletedAt !== null) {
    throw accountNotInMirror(exactId, input.division);
  }
  const customerRow = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!customerRow) throw customerUnknown(input.customerNumber);
  const customer = zapfloorCustomerOf(customerRow);
  const fix = vatFixFor(snapshotOfRow(row), customer);
  if (!fix) {
    throw refused(
      "conflict",
      { reason: "vat_fix_not_possible", params: { account: row.name, customer: customer.number } },
      `Exact account "${row.name}" cannot take zapfloor customer ${customer.number}'s VAT number: it needs to be a customer without a VAT number whose name agrees, and zapfloor's VAT number must be valid.`,
    );
  }
  const vat = fix.changes.find((change) => change.field === "VATNumber")!.to;
  const holders = (await mirrorRowsSharingKeys(ctx.db, scope, { vatKey: customerRow.vatKey ?? vat })).filter(
    (other) => other.vatKey !== null && other.id !== exactId && other.deletedAt === null,
  );
  if (holders.length > 0) {
    throw refused(
      "conflict",
      { reason: "vat_number_taken", params: { vat, account: holders[0]!.name } },
      `VAT number ${vat} is already on Exact account "${holders[0]!.name}"; adding it here would make two accounts share it.`,
    );
  }
  const conflict = await linkConflict(ctx.db, scope, {
    customerNumber: customer.number,
    exactId,
    accountName: row.name,
  });
  if (conflict) throw linkConflictError(conflict);
  assertAccountUnchanged(row, input.accountModified);
  const mirror = await mirrorState(ctx, scope);
  if (!mirrorUsable(mirror)) {
    throw new AppError(
      "conflict",
      `The Exact accounts of division ${input.division} are not up to date; load them (POST /v1/divisions/${input.division}/sync) before changing an account.`,
      {
        reason: "mirror_not_loaded",
        division: input.division,
        lastLoadedAt: mirror.lastLoadedAt === null ? null : new Date(mirror.lastLoadedAt).toISOString(),
      },
      { said: { reason: "mirror_outdated", params: { division: String(input.division) } } },
    );
  }

  const changes: AccountFieldChanges = Object.fromEntries(
    fix.changes.map((change) => [change.field, change.to]),
  );
  await updateAccountFields(ctx.exact.client.division(input.tenantId, input.division), exactId, changes);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertAccounts(tx, [rowWithChanges(row, changes, now)]);
    await writeLink(tx, scope, {
      customerNumber: customer.number,
      exactId,
      method: "vat",
      action: "link",
      actor: input.actor,
      at: now,
      details: { fix: fix.action, changes: fix.changes },
    });
  });
  return accountDetail(ctx, input);
}
