import type { Clock } from "@zapfloor-exact/shared/clock";
import type { ResolvedOptions } from "../options";
import { randomToken } from "../util/random-token";
import { TokenEndpointError } from "./token-error";

/** One user's consent for one app: the divisions it covers and its current token pair. */
export interface Grant {
  id: string;
  clientId: string;
  userId: string;
  divisions: number[];
  createdAt: number;
  /** When the latest access token was issued: refreshes are refused for 570 s after it. */
  lastAccessIssuedAt: number;
  revoked: boolean;
}

export interface AccessToken {
  token: string;
  grantId: string;
  issuedAt: number;
  expiresAt: number;
}

export type RefreshTokenState = "active" | "rotated";

export interface RefreshToken {
  token: string;
  grantId: string;
  issuedAt: number;
  expiresAt: number;
  state: RefreshTokenState;
  /** The refresh token that replaced this one. */
  successor?: string;
  usedAt?: number;
}

interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  divisions: number[];
  expiresAt: number;
  used: boolean;
}

export interface TokenPair {
  access_token: string;
  token_type: "Bearer";
  /** A string of seconds, as Exact sends it [transcribed/oauth-token-response-shape.json]. */
  expires_in: string;
  refresh_token: string;
}

/** The tokens of every grant; implements Exact's rotation and timing rules [exact-online-api.md §1]. */
export class TokenStore {
  readonly grants = new Map<string, Grant>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #tokenCallsPerDay = new Map<string, { day: number; count: number }>();
  #grantCounter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly options: ResolvedOptions["tokens"],
  ) {}

  /** A single-use authorization code; real codes contain `!` and arrive URL-encoded [S13 step3]. */
  issueCode(input: Omit<AuthorizationCode, "code" | "expiresAt" | "used">): string {
    const code = `stampNL001.${randomToken(8)}!IAAAA${randomToken(40)}`;
    this.#codes.set(code, {
      ...input,
      code,
      expiresAt: this.clock.now() + this.options.authorizationCodeSeconds * 1000,
      used: false,
    });
    return code;
  }

  exchangeCode(clientId: string, code: string, redirectUri: string | undefined): TokenPair {
    const entry = this.#codes.get(code);
    const now = this.clock.now();
    if (!entry || entry.used || entry.expiresAt <= now || entry.clientId !== clientId) {
      // Exact's wording for a bad or reused code was not captured (UNCONFIRMED); the error code is standard OAuth.
      throw new TokenEndpointError(400, "invalid_grant", "The authorization code is invalid or has expired.");
    }
    if (redirectUri !== entry.redirectUri) {
      throw new TokenEndpointError(
        400,
        "invalid_grant",
        "The redirect_uri does not match the authorization request.",
      );
    }
    entry.used = true;
    return this.#issuePair(this.#newGrant(clientId, entry.userId, entry.divisions, now), now);
  }

  /**
   * Refresh-token grant. Check order matters for the concurrency case: the loser of two simultaneous refreshes
   * gets "Old refresh token used." (401) [I-picqer-644], not the too-early error.
   */
  refresh(clientId: string, refreshToken: string): TokenPair {
    const now = this.clock.now();
    const entry = this.refreshTokens.get(refreshToken);
    const grant = entry ? this.grants.get(entry.grantId) : undefined;
    if (!entry || !grant || grant.revoked || grant.clientId !== clientId) {
      throw new TokenEndpointError(400, "invalid_grant", "The refresh token is invalid.");
    }
    if (entry.state === "rotated" && !this.#stillUsableAfterRotation(entry)) {
      throw new TokenEndpointError(401, "unauthorized_client", "Old refresh token used.");
    }
    if (entry.expiresAt <= now) {
      throw new TokenEndpointError(
        400,
        "invalid_request",
        `The refresh token expired at ${formatUsDateTime(entry.expiresAt)} and it is now ${formatUsDateTime(now)}.`,
      );
    }
    if (now < grant.lastAccessIssuedAt + this.options.refreshNotBeforeSeconds * 1000) {
      throw new TokenEndpointError(400, "access_denied", "Rate limit exceeded: access_token not expired", {
        Reason: "TooEarlyToRefreshTokens",
      });
    }
    entry.state = "rotated";
    entry.usedAt = now;
    // Re-using a predecessor under the grace option orphans the successor it had been given.
    const orphan = entry.successor ? this.refreshTokens.get(entry.successor) : undefined;
    if (orphan) orphan.state = "rotated";
    const pair = this.#issuePair(grant, now);
    entry.successor = pair.refresh_token;
    return pair;
  }

  /** Implicit grant (`response_type=token`): an access token without a refresh token. */
  issueImplicit(clientId: string, userId: string, divisions: number[]): AccessToken {
    const now = this.clock.now();
    const grant = this.#newGrant(clientId, userId, divisions, now);
    const access = this.#newAccessToken(grant, now);
    grant.lastAccessIssuedAt = now;
    return access;
  }

  /** Counts a token-endpoint call of the app for today (UTC) and returns the count so far. */
  countTokenCall(clientId: string): number {
    const day = Math.floor(this.clock.now() / 86_400_000);
    const entry = this.#tokenCallsPerDay.get(clientId);
    const next = entry && entry.day === day ? { day, count: entry.count + 1 } : { day, count: 1 };
    this.#tokenCallsPerDay.set(clientId, next);
    return next.count;
  }

  /** The grant behind a valid access token, or why there is none. */
  authenticate(
    token: string,
  ): { grant: Grant; access: AccessToken } | { error: "unknown" } | { error: "expired"; grant: Grant } {
    const access = this.accessTokens.get(token);
    const grant = access ? this.grants.get(access.grantId) : undefined;
    if (!access || !grant || grant.revoked) return { error: "unknown" };
    if (access.expiresAt <= this.clock.now()) return { error: "expired", grant };
    return { grant, access };
  }

  /** Makes the grant's (or every) access token expire now; refreshes become allowed at once. */
  expireAccessTokens(grantId?: string): number {
    const now = this.clock.now();
    let count = 0;
    for (const access of this.accessTokens.values()) {
      if ((grantId === undefined || access.grantId === grantId) && access.expiresAt > now) {
        access.expiresAt = now;
        count++;
      }
    }
    for (const grant of this.grants.values()) {
      if (grantId === undefined || grant.id === grantId) {
        grant.lastAccessIssuedAt = Math.min(
          grant.lastAccessIssuedAt,
          now - this.options.refreshNotBeforeSeconds * 1000,
        );
      }
    }
    return count;
  }

  /** Makes the grant's (or every) active refresh token expire now (as if unused for 30 days). */
  expireRefreshTokens(grantId?: string): number {
    const now = this.clock.now();
    let count = 0;
    for (const refresh of this.refreshTokens.values()) {
      if ((grantId === undefined || refresh.grantId === grantId) && refresh.state === "active") {
        refresh.expiresAt = now;
        count++;
      }
    }
    return count;
  }

  revokeGrant(grantId: string): boolean {
    const grant = this.grants.get(grantId);
    if (!grant) return false;
    grant.revoked = true;
    return true;
  }

  clear(): void {
    this.grants.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.#codes.clear();
    this.#tokenCallsPerDay.clear();
  }

  #stillUsableAfterRotation(entry: RefreshToken): boolean {
    if (!this.options.oldRefreshTokenValidUntilNewUsed || !entry.successor) return false;
    const successor = this.refreshTokens.get(entry.successor);
    return successor !== undefined && successor.state === "active";
  }

  #newGrant(clientId: string, userId: string, divisions: number[], now: number): Grant {
    const grant: Grant = {
      id: `grant-${++this.#grantCounter}`,
      clientId,
      userId,
      divisions: [...divisions],
      createdAt: now,
      lastAccessIssuedAt: now,
      revoked: false,
    };
    this.grants.set(grant.id, grant);
    return grant;
  }

  #newAccessToken(grant: Grant, now: number): AccessToken {
    const access: AccessToken = {
      token: `AAEAA${randomToken(120)}`,
      grantId: grant.id,
      issuedAt: now,
      expiresAt: now + this.options.accessTokenSeconds * 1000,
    };
    this.accessTokens.set(access.token, access);
    return access;
  }

  #issuePair(grant: Grant, now: number): TokenPair {
    const access = this.#newAccessToken(grant, now);
    const refresh: RefreshToken = {
      token: `Gcp7!IAAAA${randomToken(140)}`,
      grantId: grant.id,
      issuedAt: now,
      expiresAt: now + this.options.refreshTokenDays * 86_400_000,
      state: "active",
    };
    this.refreshTokens.set(refresh.token, refresh);
    grant.lastAccessIssuedAt = now;
    return {
      access_token: access.token,
      token_type: "Bearer",
      expires_in: String(this.options.accessTokenSeconds),
      refresh_token: refresh.token,
    };
  }
}

/** `10/11/2022 9:18:20 PM`, the format of Exact's expiry message [transcribed/oauth-error-refresh-token-expired.json]. */
export function formatUsDateTime(utcMs: number): string {
  const d = new Date(utcMs);
  const hours = d.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${hours < 12 ? "AM" : "PM"}`;
}
