import { parseArgs } from "node:util";
import { readDivisionSync } from "../../db/mirror-store";
import { describeError } from "../../db/storage-error";
import { countAccounts } from "../../exact/resources/accounts";
import { requireDivision } from "../../services/divisions/require-division";
import { syncDivision } from "../../services/mirror/sync-division";
import { createProgress } from "../progress";
import { type CliRuntime, UsageError } from "../runtime";

export const syncUsage = `  sync <tenantId> <division> [--full|--incremental] [--json]
                                  bring a division's account mirror up to date, with progress`;

export async function syncCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      full: { type: "boolean" },
      incremental: { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  const [tenantId, divisionText] = positionals;
  const division = Number(divisionText);
  if (!tenantId || !Number.isInteger(division) || division <= 0) {
    throw new UsageError("sync needs a tenant id and a division number.");
  }
  await requireDivision(runtime, tenantId, division);

  const progress = createProgress(`Division ${division}`);
  const kind = values.full ? "full" : values.incremental ? "incremental" : "auto";
  // A full load reads every account: one extra call for their number turns the progress into a bar.
  const state = await readDivisionSync(runtime.db, { tenantId, division });
  const total =
    kind === "full" || (kind === "auto" && !state?.accountsTimestamp)
      ? await countAccounts(runtime.exact.client.division(tenantId, division))
      : undefined;
  const result = await syncDivision(runtime, {
    tenantId,
    division,
    kind,
    onProgress: ({ phase, pages, rows }) => {
      const of = total && phase === "accounts" ? ` of ${total.toLocaleString("en")}` : "";
      progress.update(
        `${phase}: page ${pages} · ${rows.toLocaleString("en")}${of} rows`,
        total ? rows / total : undefined,
      );
    },
  }).catch((error: unknown) => {
    progress.fail(describeError(error));
    throw error;
  });

  if (result.status === "already_running") {
    progress.fail("a sync of this division is already running elsewhere");
    return;
  }
  const summary = `${result.kind} sync: ${result.changed.toLocaleString("en")} accounts read, ${result.deleted} deleted, ${result.calls} Exact calls`;
  progress.done(summary);
  if (values.json) runtime.out(JSON.stringify(result));
}
