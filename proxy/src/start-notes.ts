import type { Env } from "./env";
import type { ExactAppConfig } from "./exact-app";

/** Where the proxy listens: as configured, else loopback in sandbox mode (a demo) and every interface otherwise. */
export function listenHost(env: Env, app: ExactAppConfig): string {
  return env.HOST ?? (app.sandbox ? "127.0.0.1" : "0.0.0.0");
}

/** What an operator should know at start-up about a configuration that works, but not fully. */
export function startNotes(env: Env, app: ExactAppConfig): string[] {
  const notes: string[] = [];
  if (!app.sandbox && !app.webhookSecret) {
    notes.push(
      "EXACT_WEBHOOK_SECRET is not set: Exact's webhooks are not subscribed, as their deliveries could not be " +
        `verified; changes made in Exact arrive with the sync every ${env.SYNC_INTERVAL_MINUTES} minutes. ` +
        "Set it to the webhook secret of the app in Exact's App Center.",
    );
  }
  return notes;
}
