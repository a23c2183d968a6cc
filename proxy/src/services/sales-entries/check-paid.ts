import { amountFromExact, formatAmount } from "@zapfloor-exact/shared/money";
import { describeError } from "../../db/storage-error";
import { normaliseGuid } from "../../exact/odata";
import { receivablesOfEntries } from "../../exact/resources/receivables";
import type { ExactServiceContext } from "../context";
import { recordPaidChange } from "../events/invoice-events";
import { claimPaidChecks, divisionsDueForPaidCheck, readEntry, recordPaidState } from "./outbox-store";

export interface PaidCheckOptions {
  /** An entry is checked again this long after its last check. */
  intervalMs: number;
  /** Entries checked per division per run. */
  batchSize: number;
  /** How long and how often an entry found paid is checked again; default `PAID_RECHECK`. */
  recheckPaid?: { forMs: number; everyMs: number };
}

/**
 * An entry found paid is checked again once a day for 30 days, so that a payment undone in Exact (unmatched,
 * reversed) reopens it. Bounded cost: at most ⌈entries paid in the last 30 days / ~60⌉ calls a day per division.
 */
export const PAID_RECHECK = { forMs: 30 * 86_400_000, everyMs: 86_400_000 };

export interface PaidCheckResult {
  checked: number;
  paid: number;
  /** Entries found paid before that Exact shows open again. */
  reopened: number;
  calls: number;
  /** Entries Exact has no receivable for (deleted, reversed, not processed): never taken for paid. */
  withoutReceivable: number;
}

/**
 * Reads back whether pushed entries are paid, from positive evidence: the entry's receivables in
 * `cashflow/Receivables` (by the stored EntryID) all say `IsFullyPaid`. An entry without any receivable — deleted
 * or reversed in Exact, or not yet processed — is not paid; it is checked again later. One call answers for
 * dozens of entries (a `TransactionEntryID eq … or …` filter). Paid entries are checked again, less often and for
 * a while only (`PAID_RECHECK`): one that Exact shows open again is reopened. Several processes may run this
 * together: each claims the entries it checks.
 */
export async function checkPaidState(
  ctx: ExactServiceContext,
  options: PaidCheckOptions,
): Promise<PaidCheckResult> {
  const result: PaidCheckResult = { checked: 0, paid: 0, reopened: 0, calls: 0, withoutReceivable: 0 };
  const now = ctx.clock.now();
  const recheck = options.recheckPaid ?? PAID_RECHECK;
  const due = {
    checkedBefore: now - options.intervalMs,
    paidSince: now - recheck.forMs,
    paidCheckedBefore: now - recheck.everyMs,
  };
  for (const scope of await divisionsDueForPaidCheck(ctx.db, due)) {
    const rows = await claimPaidChecks(ctx.db, scope, { ...due, now, limit: options.batchSize });
    if (rows.length === 0) continue;
    const api = ctx.exact.client.division(scope.tenantId, scope.division);
    try {
      const entryIds = rows.flatMap((row) => (row.exactEntryId ? [normaliseGuid(row.exactEntryId)] : []));
      const receivables = await receivablesOfEntries(api, entryIds);
      const byEntry = new Map<string, { open: bigint; parts: number; unpaidParts: number }>();
      for (const item of receivables) {
        const seen = byEntry.get(item.TransactionEntryID) ?? { open: 0n, parts: 0, unpaidParts: 0 };
        seen.parts++;
        if (!item.IsFullyPaid) {
          seen.unpaidParts++;
          seen.open += amountFromExact(item.AmountFC);
        }
        byEntry.set(item.TransactionEntryID, seen);
      }
      for (const row of rows) {
        result.checked++;
        const evidence = row.exactEntryId ? byEntry.get(normaliseGuid(row.exactEntryId)) : undefined;
        if (!evidence) {
          result.withoutReceivable++;
          continue;
        }
        const paid = evidence.unpaidParts === 0;
        const key = { ...scope, invoiceNumber: row.invoiceNumber };
        await ctx.db.transaction(async (tx) => {
          const before = await readEntry(tx, key);
          const after = await recordPaidState(
            tx,
            key,
            paid
              ? { outstanding: "0.00", paidAt: before?.paidAt ?? now }
              : { outstanding: formatAmount(evidence.open), paidAt: null },
          );
          if (before && after) await recordPaidChange(tx, before, after, now);
        });
        if (paid) result.paid++;
        else if (row.paidAt !== null) result.reopened++;
      }
    } catch (error) {
      // The claimed entries simply wait for the next run.
      ctx.logger.warn("paid-state check failed", {
        ...scope,
        error: describeError(error),
      });
    } finally {
      result.calls += api.calls;
    }
  }
  if (result.withoutReceivable > 0) {
    ctx.logger.warn("pushed entries without a receivable in Exact: deleted, reversed or not yet processed", {
      entries: result.withoutReceivable,
    });
  }
  return result;
}
