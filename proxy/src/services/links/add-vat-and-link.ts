import { type AccountFix, normaliseAccountId, vatFixFor } from "@zapfloor-exact/shared/matching";
import { readCustomer } from "../../db/customer-store";
import { mirrorRow, mirrorRowsSharingKeys } from "../../db/mirror-reads";
import { upsertAccounts } from "../../db/mirror-store";
import { AppError } from "../../errors";
import { parseExactDate } from "../../exact/dates";
import { type AccountFieldChanges, getAccount, updateAccountFields } from "../../exact/resources/accounts";
import type { ExactServiceContext } from "../context";
import { zapfloorCustomerOf } from "../customers/customer-row";
import { requireDivision } from "../divisions/require-division";
import { writeMirrorWatchingLinks } from "../events/stale-links";
import { accountRow, snapshotOfRow } from "../mirror/account-row";
import { linkConflict, writeLink } from "./write-link";

export interface AddVatInput {
  tenantId: string;
  division: number;
  exactId: string;
  customerNumber: string;
  actor: string;
}

/**
 * "Add the VAT number and link": an Exact customer without a VAT number whose name agrees with the zapfloor
 * customer's gets zapfloor's VAT number (and company number, when it has none), then the two are linked, and
 * the change is in the link's audit event. Everything that would refuse is checked before Exact is touched;
 * the account is read again first, and a record changed in Exact since the mirror read it (its `Modified`
 * differs) is refused and the mirror brought up to date, so nobody's edit is overwritten. One change in Exact:
 * a PUT of the fields shown.
 */
export async function addVatAndLink(ctx: ExactServiceContext, input: AddVatInput): Promise<AccountFix> {
  const scope = { tenantId: input.tenantId, division: input.division };
  await requireDivision(ctx, input.tenantId, input.division);
  const exactId = normaliseAccountId(input.exactId);
  const row = await mirrorRow(ctx.db, scope, exactId);
  if (!row || row.deletedAt !== null) {
    throw new AppError(
      "not_found",
      `Exact account ${exactId} is not in the mirror of division ${input.division}.`,
    );
  }
  const customerRow = await readCustomer(ctx.db, input.tenantId, input.customerNumber);
  if (!customerRow)
    throw new AppError("not_found", `zapfloor customer ${input.customerNumber} is not known.`);
  const customer = zapfloorCustomerOf(customerRow);
  const fix = vatFixFor(snapshotOfRow(row), customer);
  if (!fix) {
    throw new AppError(
      "conflict",
      `Exact account "${row.name}" cannot take zapfloor customer ${customer.number}'s VAT number: it needs to be a customer without a VAT number whose name agrees, and zapfloor's VAT number must be valid.`,
    );
  }
  const vat = fix.changes.find((change) => change.field === "VATNumber")!.to;
  const holders = (await mirrorRowsSharingKeys(ctx.db, scope, { vatKey: customerRow.vatKey ?? vat })).filter(
    (other) => other.vatKey !== null && other.id !== exactId && other.deletedAt === null,
  );
  if (holders.length > 0) {
    throw new AppError(
      "conflict",
      `VAT number ${vat} is already on Exact account "${holders[0]!.name}"; adding it here would make two accounts share it.`,
    );
  }
  const conflict = await linkConflict(ctx.db, scope, { customerNumber: customer.number, exactId });
  if (conflict) throw new AppError("conflict", conflict);

  const api = ctx.exact.client.division(input.tenantId, input.division);
  const current = await getAccount(api, exactId);
  const now = ctx.clock.now();
  if (!current) {
    throw new AppError("conflict", `Exact account "${row.name}" was deleted in Exact Online meanwhile.`);
  }
  if (parseExactDate(current.Modified) !== row.exactModifiedAt) {
    await writeMirrorWatchingLinks(ctx.db, scope, [exactId], now, (tx) =>
      upsertAccounts(tx, [accountRow(scope, current, now)]),
    );
    throw new AppError(
      "conflict",
      `Exact account "${current.Name}" was changed in Exact Online since it was last read; nothing was changed. Look at it again before fixing it.`,
      { reason: "changed_in_exact" },
    );
  }

  const changes: AccountFieldChanges = Object.fromEntries(
    fix.changes.map((change) => [change.field, change.to]),
  );
  await updateAccountFields(api, exactId, changes);
  await ctx.db.transaction(async (tx) => {
    await upsertAccounts(tx, [accountRow(scope, { ...current, ...changes }, now)]);
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
  return fix;
}
