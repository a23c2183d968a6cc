import { parseArgs } from "node:util";
import { asc } from "drizzle-orm";
import { tenants } from "../../db/schema";
import { createTenant } from "../../services/tenants/create-tenant";
import { type CliRuntime, UsageError } from "../runtime";

export const tenantUsage = `  tenant create <name> [--json]   a new tenant with an integration and a bookkeeper token (shown once)
  tenant list                     every tenant`;

export async function tenantCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" } },
  });
  const [verb, ...rest] = positionals;
  if (verb === "create") {
    const name = rest.join(" ").trim();
    if (!name) throw new UsageError("tenant create needs a name.");
    const created = await createTenant(runtime, { name });
    if (values.json) {
      runtime.out(JSON.stringify({ tenantId: created.tenantId, tokens: created.tokens }));
      return;
    }
    runtime.out(`Tenant "${created.name}" created: ${created.tenantId}`);
    runtime.out("Tokens — shown once, store them now:");
    runtime.out(`  integration (zapfloor's servers): ${created.tokens.integration}`);
    runtime.out(`  bookkeeper  (browser extension):  ${created.tokens.bookkeeper}`);
    return;
  }
  if (verb === "list") {
    const rows = await runtime.db.select().from(tenants).orderBy(asc(tenants.createdAt));
    for (const row of rows) runtime.out(`${row.id}  ${row.name}`);
    if (rows.length === 0) runtime.out("No tenants yet: pnpm cli tenant create <name>");
    return;
  }
  throw new UsageError(`Unknown tenant command: ${verb ?? "(none)"}`);
}
