import type { ExactRuntime } from "../../exact/runtime";
import type { ServiceContext } from "../context";

/** Webhook verbs also need the secret cipher (endpoint secrets are kept encrypted) and the proxy's own URL. */
export interface WebhookContext extends ServiceContext {
  exact: Pick<ExactRuntime, "cipher" | "instanceId">;
  publicUrl: string;
}
