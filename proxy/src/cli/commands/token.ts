import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { tenants, tokenRoles } from "../../db/schema";
import { createPairingCode } from "../../services/pairing/create-pairing-code";
import { createToken } from "../../services/tenants/create-token";
import { revokeToken } from "../../services/tenants/revoke-token";
import { type CliRuntime, UsageError } from "../runtime";

export const tokenUsage = `  token create <tenantId> --role integration|bookkeeper [--label <text>] [--json]
  token revoke <tenantId> <tokenId>
  token pair <tenantId> [--label <text>] [--json]
                                  a short, single-use code (10 minutes) that POST /v1/pairing/exchange
                                  trades for a new bookkeeper token`;

export async function tokenCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: "string" }, label: { type: "string" }, json: { type: "boolean" } },
  });
  const [verb, tenantId, tokenId] = positionals;
  if (!tenantId) throw new UsageError(`token ${verb ?? ""} needs a tenant id.`);
  const [tenant] = await runtime.db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new UsageError(`No tenant ${tenantId}.`);

  if (verb === "create") {
    const role = tokenRoles.find((r) => r === values.role);
    if (!role) throw new UsageError("token create needs --role integration or --role bookkeeper.");
    const created = await createToken(runtime.db, runtime.clock.now(), {
      tenantId,
      role,
      label: values.label?.trim() || role,
    });
    if (values.json)
      runtime.out(JSON.stringify({ id: created.id, role, label: created.label, token: created.token }));
    else runtime.out(`${role} token ${created.id} for "${tenant.name}" — shown once:\n  ${created.token}`);
    return;
  }
  if (verb === "pair") {
    const paired = await createPairingCode(runtime, {
      tenantId,
      ...(values.label ? { label: values.label } : {}),
    });
    const expiresAt = new Date(paired.expiresAt).toISOString();
    if (values.json) runtime.out(JSON.stringify({ code: paired.code, expiresAt }));
    else
      runtime.out(
        `Pairing code for "${tenant.name}": ${paired.code}\n` +
          `It works once, until ${expiresAt}: POST {"code":"…"} to /v1/pairing/exchange for a bookkeeper token.`,
      );
    return;
  }
  if (verb === "revoke") {
    if (!tokenId) throw new UsageError("token revoke needs a token id.");
    await revokeToken(runtime, { tenantId, tokenId });
    runtime.out(`Token ${tokenId} revoked.`);
    return;
  }
  throw new UsageError(`Unknown token command: ${verb ?? "(none)"}`);
}
