import { amountFromExact, formatAmount } from "@zapfloor-exact/shared/money";
import { receivablesWithYourRefs } from "../../exact/resources/receivables";
import type { ExactServiceContext } from "../context";
import { recordPaidChange } from "../events/invoice-events";
import { claimPaidChecks, divisionsWithUnpaidEntries, readEntry, recordPaidState } from "./outbox-store";

export interface PaidCheckOptions {
  /** An entry is checked again this long after its last check. */
  intervalMs: number;
  /** Entries checked per division per run. */
  batchSize: number;
}

export interface PaidCheckResult {
  checked: number;
  paid: number;
  calls: number;
}

/**
 * Reads back whether pushed entries are paid. One receivables-list call answers for dozens of entries at once (a
 * `YourRef eq … or …` filter); an entry that is no longer in the list is paid in full. Paid entries are not checked
 * again. Several processes may run this together: each claims the entries it checks.
 */
export async function checkPaidState(
  ctx: ExactServiceContext,
  options: PaidCheckOptions,
): Promise<PaidCheckResult> {
  const result: PaidCheckResult = { checked: 0, paid: 0, calls: 0 };
  const now = ctx.clock.now();
  const checkedBefore = now - options.intervalMs;
  for (const scope of await divisionsWithUnpaidEntries(ctx.db, checkedBefore)) {
    const rows = await claimPaidChecks(ctx.db, scope, { now, checkedBefore, limit: options.batchSize });
    if (rows.length === 0) continue;
    const api = ctx.exact.client.division(scope.tenantId, scope.division);
    try {
      const receivables = await receivablesWithYourRefs(
        api,
        rows.map((row) => row.invoiceNumber),
      );
      const outstanding = new Map<string, bigint>();
      for (const item of receivables) {
        const yourRef = item.YourRef?.trim();
        if (yourRef)
          outstanding.set(yourRef, (outstanding.get(yourRef) ?? 0n) + amountFromExact(item.Amount));
      }
      for (const row of rows) {
        const owed = outstanding.get(row.invoiceNumber);
        const key = { ...scope, invoiceNumber: row.invoiceNumber };
        await ctx.db.transaction(async (tx) => {
          const before = await readEntry(tx, key);
          const after = await recordPaidState(
            tx,
            key,
            owed === undefined || owed === 0n
              ? { outstanding: "0.00", paidAt: before?.paidAt ?? now }
              : { outstanding: formatAmount(owed), paidAt: null },
          );
          if (before && after) await recordPaidChange(tx, before, after, now);
        });
        result.checked++;
        if (owed === undefined || owed === 0n) result.paid++;
      }
    } catch (error) {
      // The claimed entries simply wait for the next run.
      ctx.logger.warn("paid-state check failed", {
        ...scope,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      result.calls += api.calls;
    }
  }
  return result;
}
