import { parseArgs } from "node:util";
import { isExactHost } from "@zapfloor-exact/shared/exact-hosts";
import { pageLanguageSchema } from "@zapfloor-exact/shared/schemas/connection";
import { eq } from "drizzle-orm";
import { tenants } from "../../db/schema";
import { finishConnect } from "../../services/exact-connection/finish-connect";
import { getConnection } from "../../services/exact-connection/get-connection";
import { startConnect } from "../../services/exact-connection/start-connect";
import { type CliRuntime, UsageError } from "../runtime";
import { syncCommand } from "./sync";

export const exactUsage = `  exact connect <tenantId> [--host start.exactonline.be] [--lang en|nl|fr]
                                  connect Exact Online: completes the consent by itself against the sandbox
                                  simulator and loads every consented division's accounts; prints the consent
                                  URL to open against real Exact (the proxy loads them when consent returns);
                                  --lang: the language of the proxy's consent pages (else the browser's)
  exact status <tenantId> [--json] the connection, its divisions and token ages`;

export async function exactCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { host: { type: "string" }, lang: { type: "string" }, json: { type: "boolean" } },
  });
  const [verb, tenantId] = positionals;
  if (!tenantId) throw new UsageError(`exact ${verb ?? ""} needs a tenant id.`);
  const [tenant] = await runtime.db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new UsageError(`No tenant ${tenantId}.`);

  if (verb === "connect") {
    const host = values.host ?? "start.exactonline.nl";
    if (!isExactHost(host)) throw new UsageError(`${host} is not an Exact Online host.`);
    const lang = pageLanguageSchema.optional().safeParse(values.lang);
    if (!lang.success) throw new UsageError(`--lang ${values.lang} is not one of en, nl, fr.`);
    const { authorizeUrl, consentUrl } = await startConnect(runtime, {
      tenantId,
      host,
      ...(lang.data ? { lang: lang.data } : {}),
    });
    if (!runtime.exact.app.sandbox) {
      runtime.out("Open this URL in a browser signed in to Exact Online, give consent and confirm:");
      runtime.out(`  ${consentUrl}`);
      runtime.out(`Exact then returns to ${runtime.exact.app.redirectUri}: the proxy must be running there.`);
      return;
    }
    const code = await consentAutomatically(authorizeUrl);
    const finished = await finishConnect(runtime, { ...code });
    runtime.out(
      `Connected "${tenant.name}" to the Exact Online simulator as ${finished.userName ?? "a test user"}.`,
    );
    for (const { division, name } of finished.divisions) runtime.out(`  division ${division}  ${name}`);
    // As the browser consent does: each consented division's first load starts at once.
    for (const { division } of finished.divisions) await syncCommand(runtime, [tenantId, String(division)]);
    runtime.out(
      `Loaded. Next: set up bookings in the extension's options page, or pnpm cli sync ${tenantId} <division> to sync again.`,
    );
    return;
  }
  if (verb === "status") {
    const state = await getConnection(runtime, tenantId);
    if (values.json) return runtime.out(JSON.stringify(state));
    if (!state.connected) return runtime.out(`"${tenant.name}" has not connected Exact Online.`);
    runtime.out(
      `"${tenant.name}": ${state.status} on ${state.host}${state.sandbox ? " (sandbox)" : ""}, user ${state.user ?? "?"}`,
    );
    runtime.out(
      `  refresh token ${state.refreshTokenAgeDays} days old, expires ${state.refreshTokenExpiresAt}`,
    );
    for (const warning of state.warnings) runtime.out(`  ⚠ ${warning}`);
    for (const d of state.divisions) {
      runtime.out(
        `  division ${d.division}  ${d.name}  sync: ${d.syncStatus}, last ${d.lastSyncAt ?? "never"}, calls left today ${d.budget.daily.remaining}`,
      );
    }
    return;
  }
  throw new UsageError(`Unknown exact command: ${verb ?? "(none)"}`);
}

/** The sandbox simulator consents without a person: its authorize URL redirects straight back with a code. */
async function consentAutomatically(authorizeUrl: string): Promise<{ code: string; state: string }> {
  let response: Response;
  try {
    response = await fetch(authorizeUrl, { redirect: "manual" });
  } catch {
    throw new UsageError("The Exact Online simulator does not answer: start the proxy first (pnpm start).");
  }
  const location = response.headers.get("location");
  const back = location ? new URL(location) : undefined;
  const code = back?.searchParams.get("code");
  const state = back?.searchParams.get("state");
  if (response.status !== 302 || !code || !state) {
    throw new UsageError(`The simulator asks for consent in a browser: open ${authorizeUrl}`);
  }
  return { code, state };
}
