import { z } from "zod";
import type { ExactAppConfig } from "../exact-app";
import { baseUrlFor } from "./hosts";
import type { ExactHttp } from "./http";

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds; Exact sends it as a string ("600"). [exact-online-api.md §1 Token response] */
  expiresIn: number;
}

export type TokenFailure =
  /** The refresh token was already rotated out: someone else refreshed, or the connection is lost. */
  | { kind: "old_refresh_token"; message: string }
  /** Exact refuses a refresh before 570 s: the current access token is still good. [§1, I-websmurf-31] */
  | { kind: "too_early"; message: string }
  /** Unused for 30 days, revoked, or an unknown code (`invalid_grant`): only a new consent helps. */
  | { kind: "reconsent_needed"; message: string }
  /** `invalid_client` / `unauthorized_client`: Exact refuses the app itself (ID, secret); no connection is at fault. */
  | { kind: "app_rejected"; message: string }
  /** Exact's side failed or did not answer: try again later. */
  | { kind: "transient"; message: string };

export type TokenResult = { ok: true; tokens: IssuedTokens } | ({ ok: false } & TokenFailure);

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().int().positive()),
});

const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

export function authorizeUrl(app: ExactAppConfig, host: string, state: string): string {
  const query = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    response_type: "code",
    state,
  });
  return `${baseUrlFor(app, host)}/api/oauth2/auth?${query}`;
}

export function exchangeCode(http: ExactHttp, app: ExactAppConfig, host: string, code: string) {
  return tokenCall(http, app, host, {
    grant_type: "authorization_code",
    code,
    redirect_uri: app.redirectUri,
  });
}

export function refreshTokens(http: ExactHttp, app: ExactAppConfig, host: string, refreshToken: string) {
  return tokenCall(http, app, host, { grant_type: "refresh_token", refresh_token: refreshToken });
}

async function tokenCall(
  http: ExactHttp,
  app: ExactAppConfig,
  host: string,
  grant: Record<string, string>,
): Promise<TokenResult> {
  const body = new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, ...grant });
  let response: Awaited<ReturnType<ExactHttp["send"]>>;
  try {
    response = await http.send({
      method: "POST",
      url: `${baseUrlFor(app, host)}/api/oauth2/token`,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
    });
  } catch (error) {
    return { ok: false, kind: "transient", message: (error as Error).message };
  }
  const json = safeJson(response.text);
  if (response.status >= 200 && response.status < 300) {
    const parsed = tokenResponse.safeParse(json);
    if (parsed.success) {
      const { access_token, refresh_token, expires_in } = parsed.data;
      return {
        ok: true,
        tokens: { accessToken: access_token, refreshToken: refresh_token, expiresIn: expires_in },
      };
    }
    return { ok: false, kind: "transient", message: "Exact's token endpoint answered without tokens." };
  }
  return { ok: false, ...classifyTokenError(response.status, response.headers, json) };
}

export function classifyTokenError(status: number, headers: Headers, json: unknown): TokenFailure {
  const error = tokenError.safeParse(json);
  const description = error.success ? (error.data.error_description ?? error.data.error) : `HTTP ${status}`;
  const message = `Exact Online token endpoint: ${description}`;
  if (status >= 500 || status === 429 || !error.success) return { kind: "transient", message };
  if (headers.get("reason") === "TooEarlyToRefreshTokens" || /not expired/i.test(description)) {
    return { kind: "too_early", message };
  }
  // Exact answers a reused refresh token with `unauthorized_client` too, told apart by its text. [§1, I-picqer-644]
  if (/old refresh token/i.test(description)) return { kind: "old_refresh_token", message };
  if (error.data.error === "invalid_client" || error.data.error === "unauthorized_client") {
    return { kind: "app_rejected", message };
  }
  return { kind: "reconsent_needed", message };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
