import { parseArgs } from "node:util";
import { goLiveCsv } from "@zapfloor-exact/shared/reports/go-live-csv";
import { goLiveOutcomes } from "@zapfloor-exact/shared/schemas/go-live";
import { goLiveReview } from "../../services/go-live/go-live-review";
import { type CliRuntime, UsageError } from "../runtime";

export const reportUsage = `  report <tenantId> <division> [--csv] [--json]
                                  the go-live review: what match-or-create would do for every zapfloor customer
                                  (linked, will link, will create, needs review, conflict) and why; --csv for the accountant`;

const LABELS: Record<(typeof goLiveOutcomes)[number], string> = {
  linked: "linked",
  will_link: "will link",
  will_create: "will create",
  needs_review: "need review",
  conflict: "in conflict",
  unknown: "unknown (load the accounts again)",
};

export async function reportCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { csv: { type: "boolean" }, json: { type: "boolean" } },
  });
  const [tenantId, divisionText] = positionals;
  const division = Number(divisionText);
  if (!tenantId || !Number.isInteger(division) || division <= 0) {
    throw new UsageError("report needs a tenant id and a division number.");
  }
  const review = await goLiveReview(runtime, { tenantId, division });
  if (values.csv) {
    process.stdout.write(goLiveCsv(review.customers));
    return;
  }
  if (values.json) {
    runtime.out(JSON.stringify(review));
    return;
  }
  runtime.out(
    `Division ${division}: ${review.total} zapfloor customers · auto-create ${review.autoCreate ? "on" : "off"} · auto-push ${review.autoPush ? "on" : "off"}`,
  );
  const widest = Math.max(...goLiveOutcomes.map((outcome) => review.counts[outcome]), 1);
  for (const outcome of goLiveOutcomes) {
    const count = review.counts[outcome];
    const bar = "█".repeat(Math.round((count / widest) * 30));
    runtime.out(`  ${String(count).padStart(6)}  ${bar.padEnd(30)}  ${LABELS[outcome]}`);
  }
  for (const row of review.customers) {
    if (row.outcome === "linked") continue;
    const account = row.account ? ` → ${row.account.code ?? ""} ${row.account.name}`.trimEnd() : "";
    const why = row.reasons.map((reason) => reason.message).join("; ");
    runtime.out(
      `  ${row.customerNumber}  ${row.name}  ${LABELS[row.outcome]}${account}${why ? ` — ${why}` : ""}`,
    );
  }
}
