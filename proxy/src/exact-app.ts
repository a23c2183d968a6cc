import type { Env } from "./env";
import { type FieldLimits, fieldLimitsFrom } from "./exact/field-limits";

/** The Exact Online app registration the proxy acts as (real, or the simulator's in sandbox mode). */
export interface ExactAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  webhookSecret?: string;
  /** Replaces the per-connection country host (simulator, tests). */
  baseUrl?: string;
  /** The longest SearchCode Exact keeps whole (UNCONFIRMED; see services/matching/new-customer.ts). */
  searchCodeMaxLength?: number;
  /** The field lengths checked before writing to Exact (`EXACT_FIELD_LIMITS`); default `DEFAULT_FIELD_LIMITS`. */
  fieldLimits?: FieldLimits;
  sandbox: boolean;
}

export function publicUrlOf(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

export function configuredExactApp(env: Env): ExactAppConfig | undefined {
  if (!env.EXACT_CLIENT_ID || !env.EXACT_CLIENT_SECRET) return undefined;
  return {
    clientId: env.EXACT_CLIENT_ID,
    clientSecret: env.EXACT_CLIENT_SECRET,
    redirectUri: env.EXACT_REDIRECT_URI ?? `${publicUrlOf(env)}/exact/callback`,
    ...(env.EXACT_WEBHOOK_SECRET ? { webhookSecret: env.EXACT_WEBHOOK_SECRET } : {}),
    ...(env.EXACT_BASE_URL ? { baseUrl: env.EXACT_BASE_URL } : {}),
    searchCodeMaxLength: env.EXACT_SEARCH_CODE_MAX_LENGTH,
    fieldLimits: fieldLimitsFrom(env.EXACT_FIELD_LIMITS),
    sandbox: false,
  };
}
