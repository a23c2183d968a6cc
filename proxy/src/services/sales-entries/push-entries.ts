import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import { and, eq } from "drizzle-orm";
import { divisions } from "../../db/schema";
import { describeError } from "../../db/storage-error";
import { normaliseGuid } from "../../exact/odata";
import { createSalesEntry, salesEntriesWithYourRefs } from "../../exact/resources/sales-entries";
import type { SalesEntry } from "../../exact/schemas";
import type { ExactServiceContext } from "../context";
import { recordAttemptEvent } from "../events/invoice-events";
import { isRefusal, outcomeOfError, type RetryPolicy, recordedError } from "./attempt-errors";
import { bookedAmountsProblem } from "./booked-amounts";
import { loadBookingContext } from "./booking-context";
import type { CustomerLink, LinkCustomer } from "./customer-link";
import { outcomeOfExisting } from "./existing-entry";
import { startLeaseHeartbeat } from "./lease-heartbeat";
import {
  claimDueEntries,
  divisionsWithDueEntries,
  finishAttempt,
  markPostSent,
  type Outcome,
  releaseClaims,
  type SalesEntryRow,
  type Scope,
} from "./outbox-store";
import { type ResolvedInvoice, resolveInvoice } from "./resolve-invoice";
import { salesEntryPayload } from "./sales-entry-payload";

export interface PushOptions {
  /** This process, in leases. */
  owner: string;
  leaseMs: number;
  /** Entries claimed at once per division: their `YourRef` look-ups share calls. */
  batchSize: number;
  retry: RetryPolicy;
  linkCustomer: LinkCustomer;
  /** Look every entry up by `YourRef` before its first POST, not only those an earlier POST may have reached. */
  lookUpFirst?: boolean;
  /** Stops between entries (shutdown); what is left is given back for another worker. */
  signal?: AbortSignal;
  /** Only this division (the CLI pushing one division now). */
  only?: Scope;
}

export interface PushResult {
  claimed: number;
  pushed: number;
  /** Found already booked in Exact (an earlier attempt's answer was lost). */
  recovered: number;
  retrying: number;
  failed: number;
  needsReview: number;
  /** Taken over by another worker before this one finished. */
  lost: number;
  calls: number;
}

const emptyResult = (): PushResult => ({
  claimed: 0,
  pushed: 0,
  recovered: 0,
  retrying: 0,
  failed: 0,
  needsReview: 0,
  lost: 0,
  calls: 0,
});

/** Claims and pushes what is due, a batch per division; returns what happened. */
export async function pushDueEntries(ctx: ExactServiceContext, options: PushOptions): Promise<PushResult> {
  const total = emptyResult();
  const due = await divisionsWithDueEntries(ctx.db, ctx.clock.now());
  const { only } = options;
  for (const scope of only
    ? due.filter((s) => s.tenantId === only.tenantId && s.division === only.division)
    : due) {
    if (options.signal?.aborted) break;
    const rows = await claimDueEntries(ctx.db, scope, {
      owner: options.owner,
      now: ctx.clock.now(),
      leaseMs: options.leaseMs,
      limit: options.batchSize,
    });
    if (rows.length === 0) continue;
    const result = await pushClaimed(ctx, scope, rows, options);
    for (const key of Object.keys(total) as (keyof PushResult)[]) total[key] += result[key];
  }
  return total;
}

interface Ready {
  row: SalesEntryRow;
  invoice: Invoice;
  entry: ResolvedInvoice;
}

/**
 * One claimed batch of a division:
 * 1. resolve mappings again (settings may have changed since submit) — no Exact call;
 * 2. make sure each customer is linked (match-or-create), once per customer;
 * 3. look up, in a few batched calls, the `YourRef`s of the entries an earlier attempt may have posted (a POST was
 *    sent for them, see `markPostSent`; every entry with `lookUpFirst`): what Exact already has is recorded, not
 *    posted again;
 * 4. post the rest one by one, each right after confirming this worker still holds its lease and recording that
 *    its POST is being sent.
 * An entry never posted before costs exactly one call, its POST. A crash anywhere leaves the entries claimed until
 * their leases run out; the next worker starts again at 1, and step 3 finds whatever was posted before the crash.
 */
async function pushClaimed(
  ctx: ExactServiceContext,
  scope: Scope,
  rows: SalesEntryRow[],
  options: PushOptions,
): Promise<PushResult> {
  const result = emptyResult();
  result.claimed = rows.length;
  const api = ctx.exact.client.division(scope.tenantId, scope.division);
  const heartbeat = startLeaseHeartbeat(
    ctx,
    scope,
    rows.map((row) => row.invoiceNumber),
    options,
  );
  const open = new Map(rows.map((row) => [row.invoiceNumber, row]));

  const finish = async (row: SalesEntryRow, outcome: Outcome, recovered = false) => {
    const now = ctx.clock.now();
    const recorded = await ctx.db.transaction(async (tx) => {
      const written = await finishAttempt(
        tx,
        { ...scope, invoiceNumber: row.invoiceNumber },
        options.owner,
        outcome,
        now,
      );
      if (written) await recordAttemptEvent(tx, written, now);
      return written !== undefined;
    });
    // Only now: an entry whose outcome could not be written stays open, to be given back below.
    open.delete(row.invoiceNumber);
    heartbeat.release(row.invoiceNumber);
    if (!recorded) {
      result.lost++;
      ctx.logger.warn("outbox entry taken over before its outcome was recorded", {
        ...scope,
        invoiceNumber: row.invoiceNumber,
        outcome: outcome.state,
      });
      return;
    }
    if (outcome.state === "pushed") result[recovered ? "recovered" : "pushed"]++;
    else if (outcome.state === "queued") result.retrying++;
    else if (outcome.state === "failed") result.failed++;
    else result.needsReview++;
  };
  const failWith = (row: SalesEntryRow, error: unknown, during: "post" | "other" = "other") =>
    finish(row, outcomeOfError(error, row.attempts, ctx.clock.now(), options.retry, during));

  try {
    const [division] = await ctx.db
      .select()
      .from(divisions)
      .where(and(eq(divisions.tenantId, scope.tenantId), eq(divisions.division, scope.division)));
    if (!division?.accessible) {
      for (const row of rows) {
        await finish(row, {
          state: "failed",
          error: { message: `Division ${scope.division} is no longer covered by the Exact Online consent.` },
        });
      }
      return result;
    }
    const booking = await loadBookingContext(ctx.db, division, ctx.exact.app.fieldLimits);

    const ready: Ready[] = [];
    for (const row of rows) {
      const invoice = row.body as unknown as Invoice;
      const resolution = resolveInvoice(invoice, booking, row.invoiceNumber);
      if (resolution.ok) ready.push({ row, invoice, entry: resolution.entry });
      else {
        await finish(row, {
          state: "failed",
          error: {
            message: `The invoice can no longer be booked as it is: ${resolution.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
            details: { problems: resolution.problems },
          },
        });
      }
    }

    const links = new Map<string, CustomerLink | { status: "error"; error: unknown }>();
    const linked: (Ready & { accountId: string })[] = [];
    for (const item of ready) {
      const { customer } = item.invoice;
      if (!links.has(customer.number)) {
        links.set(
          customer.number,
          await options
            .linkCustomer(ctx, { ...scope, customer, actor: "zapfloor" })
            .catch((error: unknown) => ({ status: "error" as const, error })),
        );
      }
      const link = links.get(customer.number)!;
      if (link.status === "error") await failWith(item.row, link.error);
      else if (link.status === "review") {
        await finish(item.row, {
          state: "needs_review",
          error: { message: link.reason, ...(link.details ? { details: link.details } : {}) },
        });
      } else linked.push({ ...item, accountId: normaliseGuid(link.exactAccountId) });
    }
    if (linked.length === 0) return result;

    const uncertain = linked.filter((item) => options.lookUpFirst || item.row.postSentAt !== null);
    let existing: SalesEntry[] = [];
    try {
      if (uncertain.length > 0) {
        existing = await salesEntriesWithYourRefs(
          api,
          uncertain.map((item) => item.row.invoiceNumber),
        );
      }
    } catch (error) {
      for (const item of uncertain) await failWith(item.row, error);
      return result;
    }

    for (const item of linked) {
      const { row } = item;
      if (options.signal?.aborted) break;
      const known = outcomeOfExisting(existing, row.invoiceNumber, item.accountId);
      if (known !== "post") {
        await finish(row, known, true);
        continue;
      }
      const key = { ...scope, invoiceNumber: row.invoiceNumber };
      if (
        !(await heartbeat.confirm(row.invoiceNumber)) ||
        !(await markPostSent(ctx.db, key, options.owner, ctx.clock.now()))
      ) {
        heartbeat.release(row.invoiceNumber);
        open.delete(row.invoiceNumber);
        result.lost++;
        continue;
      }
      await postOne(item);
    }
    return result;
  } catch (error) {
    // Something unexpected (the database, a bug): whatever is still open is tried again later.
    ctx.logger.error("outbox batch failed", {
      ...scope,
      error: describeError(error),
    });
    for (const row of [...open.values()]) await failWith(row, error).catch(() => undefined);
    return result;
  } finally {
    await heartbeat.stop();
    if (open.size > 0) {
      await releaseClaims(ctx.db, scope, [...open.keys()], options.owner, ctx.clock.now()).catch(
        () => undefined,
      );
    }
    result.calls = api.calls;
  }

  async function postOne(item: Ready & { accountId: string }) {
    const { row } = item;
    let created: SalesEntry;
    try {
      created = await createSalesEntry(
        api,
        salesEntryPayload(row.invoiceNumber, item.invoice, item.entry, item.accountId),
      );
    } catch (error) {
      if (!isRefusal(error)) return failWith(row, error, "post");
      // Exact said no. Before calling it failed, make sure it did not book the entry anyway (a 500 can follow a write).
      try {
        const after = await salesEntriesWithYourRefs(api, [row.invoiceNumber]);
        const known = outcomeOfExisting(after, row.invoiceNumber, item.accountId);
        if (known === "post") return finish(row, { state: "failed", error: recordedError(error) });
        return finish(row, known, true);
      } catch (lookupError) {
        return failWith(row, lookupError);
      }
    }
    const mismatch = bookedAmountsProblem(row.invoiceNumber, item.entry, created);
    if (mismatch)
      return finish(row, { state: "needs_review", exactAccountId: item.accountId, error: mismatch });
    await finish(row, {
      state: "pushed",
      exactAccountId: item.accountId,
      exactEntryId: created.EntryID,
      exactEntryNumber: created.EntryNumber ?? null,
    });
  }
}
