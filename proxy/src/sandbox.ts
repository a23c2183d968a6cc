import type { Env } from "./env";
import { fieldLimitsFrom } from "./exact/field-limits";
import { type ExactAppConfig, publicUrlOf } from "./exact-app";

/** The simulator's app registration; nothing secret, it only exists on this machine. */
const sandboxApp = {
  clientId: "sandbox-client-id",
  clientSecret: "sandbox-client-secret",
  webhookSecret: "sandbox-webhook-secret",
};

/** With no Exact app configured, the proxy acts as the simulator's app, on `SIM_PORT`. */
export function sandboxExactApp(env: Env): ExactAppConfig {
  return {
    ...sandboxApp,
    redirectUri: `${publicUrlOf(env)}/exact/callback`,
    baseUrl: `http://127.0.0.1:${env.SIM_PORT}`,
    searchCodeMaxLength: env.EXACT_SEARCH_CODE_MAX_LENGTH,
    fieldLimits: fieldLimitsFrom(env.EXACT_FIELD_LIMITS),
    sandbox: true,
  };
}

export interface Sandbox {
  url: string;
  banner(proxyUrl: string): string;
  close(): Promise<void>;
}

/** Starts the built-in Exact Online simulator with generated demo divisions. */
export async function startSandbox(env: Env): Promise<Sandbox> {
  // Imported lazily: a proxy with a real Exact app never loads the simulator.
  const { startExactSimulator } = await import("@zapfloor-exact/exact-sim");
  const simulator = await startExactSimulator({
    port: env.SIM_PORT,
    hostname: "127.0.0.1",
    apps: [{ ...sandboxApp, redirectUris: [sandboxExactApp(env).redirectUri] }],
    webhookSecret: sandboxApp.webhookSecret,
    rateLimits: { minutely: env.SIM_MINUTELY_LIMIT },
  });
  return {
    url: simulator.url,
    close: () => simulator.close(),
    banner: (proxyUrl) =>
      [
        "",
        "┌─ SANDBOX MODE ─────────────────────────────────────────────────────────────",
        `│ Proxy:         ${proxyUrl}   (health: ${proxyUrl}/health, API docs: ${proxyUrl}/docs)`,
        `│ Exact Online:  simulated at ${simulator.url}: generated demo divisions, no real data.`,
        "│ Try it:        pnpm cli tenant create Demo   then   pnpm cli exact connect <tenantId>",
        "│ Real Exact:    register an app in the Exact App Center and set EXACT_CLIENT_ID,",
        `│                EXACT_CLIENT_SECRET and EXACT_REDIRECT_URI (${publicUrlOf(env)}/exact/callback).`,
        "└────────────────────────────────────────────────────────────────────────────",
        "",
      ].join("\n"),
  };
}
