import type { Env } from "./env";
import { type ExactAppConfig, publicUrlOf } from "./exact-app";

export interface Sandbox {
  exactApp: ExactAppConfig;
  banner(proxyUrl: string): string;
  close(): Promise<void>;
}

/** With no Exact app configured, the proxy runs against the built-in Exact Online simulator. */
export async function startSandbox(env: Env): Promise<Sandbox> {
  // Imported lazily: a configured production proxy never loads the simulator.
  const { startExactSimulator } = await import("@zapfloor-exact/exact-sim");
  const simulator = await startExactSimulator({ port: env.SIM_PORT, hostname: "127.0.0.1" });
  const exactApp: ExactAppConfig = {
    clientId: simulator.sim.app.clientId,
    clientSecret: simulator.sim.app.clientSecret,
    redirectUri: `${publicUrlOf(env)}/exact/callback`,
    webhookSecret: simulator.sim.app.webhookSecret,
    baseUrl: simulator.url,
    sandbox: true,
  };
  return {
    exactApp,
    close: () => simulator.close(),
    banner: (proxyUrl) =>
      [
        "",
        "┌─ SANDBOX MODE ─────────────────────────────────────────────────────────────",
        `│ Proxy:          ${proxyUrl}   (health: ${proxyUrl}/health)`,
        `│ Exact Online:   simulated at ${simulator.url} — generated demo divisions, no real data.`,
        "│ To use a real Exact Online app, register one in the Exact App Center and set",
        "│   EXACT_CLIENT_ID, EXACT_CLIENT_SECRET and EXACT_REDIRECT_URI (= <PUBLIC_URL>/exact/callback).",
        "└────────────────────────────────────────────────────────────────────────────",
        "",
      ].join("\n"),
  };
}
