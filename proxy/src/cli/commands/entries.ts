import { parseArgs } from "node:util";
import { salesEntryJobOptions } from "../../jobs/outbox-worker";
import { requireDivision } from "../../services/divisions/require-division";
import { matchOrCreateForPush } from "../../services/matching/link-customer-for-push";
import { countByState, listEntries, requeue } from "../../services/sales-entries/outbox-store";
import { pushDueEntries } from "../../services/sales-entries/push-entries";
import { createProgress } from "../progress";
import { type CliRuntime, UsageError } from "../runtime";

export const entriesUsage = `  entries status <tenantId> <division> [--json]
                                  how many sales entries are queued, pushing, pushed, failed, needing review; the failed ones
  entries retry <tenantId> <division> [<invoiceNumber>…] [--push]
                                  queue failed entries again (all, or the ones named); --push pushes them now, with progress`;

export async function entriesCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, push: { type: "boolean" } },
  });
  const [verb, tenantId, divisionText, ...invoiceNumbers] = positionals;
  const division = Number(divisionText);
  if (!tenantId || !Number.isInteger(division) || division <= 0) {
    throw new UsageError("entries needs a verb, a tenant id and a division number.");
  }
  await requireDivision(runtime, tenantId, division);
  const scope = { tenantId, division };

  if (verb === "status") {
    const counts = await countByState(runtime.db, scope);
    const attention = [
      ...(await listEntries(runtime.db, scope, { state: "failed", limit: 500 })),
      ...(await listEntries(runtime.db, scope, { state: "needs_review", limit: 500 })),
    ].map((row) => ({ invoiceNumber: row.invoiceNumber, state: row.state, lastError: row.lastError }));
    if (values.json) {
      runtime.out(JSON.stringify({ counts, attention }));
      return;
    }
    runtime.out(
      `Division ${division}: ${Object.entries(counts)
        .map(([state, n]) => `${n} ${state.replace("_", " ")}`)
        .join(" · ")}`,
    );
    for (const row of attention) runtime.out(`  ${row.invoiceNumber}  ${row.state}  ${row.lastError ?? ""}`);
    return;
  }

  if (verb === "retry") {
    const targets =
      invoiceNumbers.length > 0
        ? invoiceNumbers
        : (await listEntries(runtime.db, scope, { state: "failed", limit: 100_000 })).map(
            (row) => row.invoiceNumber,
          );
    let queued = 0;
    for (const invoiceNumber of targets) {
      const row = await requeue(
        runtime.db,
        { ...scope, invoiceNumber },
        ["failed", "needs_review"],
        runtime.clock.now(),
      );
      if (row) queued++;
      else runtime.note(`  ${invoiceNumber}: not failed or parked, left alone`);
    }
    runtime.note(`Queued ${queued} entr${queued === 1 ? "y" : "ies"} again.`);
    if (!values.push || queued === 0) return;

    const progress = createProgress(`Division ${division}`);
    const options = salesEntryJobOptions(runtime.env, matchOrCreateForPush).outbox;
    const total = { tried: 0, pushed: 0, failed: 0, review: 0, retrying: 0, calls: 0 };
    for (;;) {
      const result = await pushDueEntries(runtime, {
        ...options,
        batchSize: 20,
        owner: runtime.exact.instanceId,
        only: scope,
      });
      if (result.claimed === 0) break;
      total.tried += result.claimed;
      total.pushed += result.pushed + result.recovered;
      total.failed += result.failed;
      total.review += result.needsReview;
      total.retrying += result.retrying;
      total.calls += result.calls;
      progress.update(
        `${total.tried}/${queued} tried · ${total.pushed} pushed, ${total.failed} failed, ${total.review} need review, ${total.retrying} to retry later · ${total.calls} Exact calls`,
        Math.min(1, total.tried / queued),
      );
    }
    const counts = await countByState(runtime.db, scope);
    progress.done(
      `${counts.pushed} pushed, ${counts.failed} failed, ${counts.needs_review} need review, ${counts.queued} queued`,
    );
    return;
  }
  throw new UsageError(`Unknown entries command: ${verb ?? "(none)"}`);
}
