import type { Clock } from "@zapfloor-exact/shared/clock";
import type { Db } from "../db/client";
import {
  type ConnectionRow,
  markNeedsReconnect,
  readConnection,
  releaseRefreshLease,
  storeRotatedTokens,
  tryTakeRefreshLease,
} from "../db/connection-tokens";
import { AppError, refused } from "../errors";
import type { ExactAppConfig } from "../exact-app";
import type { Logger } from "../logger";
import type { TokenCipher } from "../security/token-cipher";
import { recordConnectionLoss } from "../services/events/division-events";
import type { ExactHttp } from "./http";
import { refreshTokens } from "./oauth";

export interface TokenManagerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  http: ExactHttp;
  app: ExactAppConfig;
  cipher: TokenCipher;
  /** Identifies this process in leases. */
  owner: string;
}

export interface AccessToken {
  token: string;
  /** The stored version it came from: a 401 on it asks for a refresh of exactly this version. */
  version: number;
}

/** Exact accepts a refresh only in the last 30 s of an access token's 600 s. [exact-online-api.md §1] */
export const REFRESH_MARGIN_MS = 30_000;
/** Longer than the token call can take, so a live holder never loses its lease mid-refresh. */
const LEASE_MS = 60_000;
const LEASE_POLL_MS = 200;
const WAIT_FOR_OTHER_PROCESS_MS = 90_000;
/** Any refresh that did not work out this time: trying again later may. */
const tokenFailed = { reason: "exact_token_failed" } as const;

export const accessContext = (connectionId: string) => `${connectionId}:access`;
export const refreshContext = (connectionId: string) => `${connectionId}:refresh`;

/**
 * Hands out access tokens and refreshes them so that the single-use refresh token is never spent twice:
 * one refresh per connection at a time in this process (single flight), one across processes (a lease in the
 * database), a re-read after taking the lease, and a compare-and-swap when storing the new pair.
 */
export function createTokenManager(deps: TokenManagerDeps) {
  const inFlight = new Map<string, Promise<AccessToken>>();

  const decryptAccess = (row: ConnectionRow): AccessToken => ({
    token: deps.cipher.decrypt(row.accessTokenEnc, accessContext(row.id)),
    version: row.tokenVersion,
  });
  const isFresh = (row: ConnectionRow) => deps.clock.now() < row.accessTokenExpiresAt - REFRESH_MARGIN_MS;

  async function load(connectionId: string): Promise<ConnectionRow> {
    const row = await readConnection(deps.db, connectionId);
    if (!row)
      throw refused(
        "not_found",
        { reason: "exact_not_connected" },
        "This tenant has no Exact Online connection.",
      );
    if (row.status !== "active") throw reconnectError(row.lastError);
    return row;
  }

  async function refresh(connectionId: string, staleVersion: number | undefined): Promise<AccessToken> {
    const giveUpAt = deps.clock.now() + WAIT_FOR_OTHER_PROCESS_MS;
    for (;;) {
      const seen = await load(connectionId);
      const replaced = staleVersion !== undefined && seen.tokenVersion !== staleVersion;
      if (replaced || (staleVersion === undefined && isFresh(seen))) return decryptAccess(seen);
      if (await tryTakeRefreshLease(deps.db, connectionId, deps.owner, deps.clock.now(), LEASE_MS)) {
        return refreshUnderLease(connectionId, staleVersion);
      }
      if (deps.clock.now() > giveUpAt) {
        throw refused(
          "upstream",
          tokenFailed,
          "Another process has been refreshing the Exact Online token for too long.",
        );
      }
      await deps.clock.sleep(LEASE_POLL_MS);
    }
  }

  async function refreshUnderLease(
    connectionId: string,
    staleVersion: number | undefined,
  ): Promise<AccessToken> {
    // Re-read under the lease: another process may have refreshed between our check and our lease.
    const row = await load(connectionId);
    const replaced = staleVersion !== undefined && row.tokenVersion !== staleVersion;
    if (replaced || (staleVersion === undefined && isFresh(row))) {
      await releaseRefreshLease(deps.db, connectionId, deps.owner);
      return decryptAccess(row);
    }
    const refreshToken = deps.cipher.decrypt(row.refreshTokenEnc, refreshContext(row.id));
    const result = await refreshTokens(deps.http, deps.app, row.host, refreshToken);
    const now = deps.clock.now();

    if (result.ok) {
      const stored = await storeRotatedTokens(deps.db, connectionId, deps.owner, row.tokenVersion, {
        accessTokenEnc: deps.cipher.encrypt(result.tokens.accessToken, accessContext(connectionId)),
        refreshTokenEnc: deps.cipher.encrypt(result.tokens.refreshToken, refreshContext(connectionId)),
        accessTokenExpiresAt: now + result.tokens.expiresIn * 1000,
        now,
      });
      if (!stored) {
        deps.logger.error("refreshed Exact tokens could not be stored: the refresh lease was lost", {
          connectionId,
        });
        throw refused(
          "upstream",
          tokenFailed,
          "The Exact Online token refresh could not be stored; try again.",
        );
      }
      deps.logger.info("exact tokens refreshed", { connectionId, version: row.tokenVersion + 1 });
      return { token: result.tokens.accessToken, version: row.tokenVersion + 1 };
    }

    await releaseRefreshLease(deps.db, connectionId, deps.owner);
    deps.logger.warn("exact token refresh refused", { connectionId, kind: result.kind });
    switch (result.kind) {
      case "too_early":
        // Exact still honours the current access token; a 401 on it, though, is a real failure.
        if (staleVersion === undefined) return decryptAccess(row);
        throw refused(
          "upstream",
          tokenFailed,
          "Exact Online refused the access token but will not refresh it yet.",
        );
      case "old_refresh_token": {
        const latest = await load(connectionId);
        if (latest.tokenVersion !== row.tokenVersion) return decryptAccess(latest);
        await needsReconnect(row, result.message, now);
        throw reconnectError(result.message);
      }
      case "app_rejected":
        deps.logger.error("Exact Online refuses this app's client credentials", { connectionId });
        throw appRejectedError(result.message);
      case "reconsent_needed":
        await needsReconnect(row, result.message, now);
        throw reconnectError(result.message);
      case "transient":
        throw refused(
          "upstream",
          tokenFailed,
          "Exact Online could not refresh the access token just now; try again.",
          { exactMessage: result.message },
        );
    }
  }

  /** Marks the connection lost and tells zapfloor, in one transaction; only the first process to see it does. */
  async function needsReconnect(row: ConnectionRow, reason: string, now: number) {
    await deps.db.transaction(async (tx) => {
      if (await markNeedsReconnect(tx, row.id, row.tokenVersion, reason, now))
        await recordConnectionLoss(tx, row, reason, now);
    });
  }

  /** One refresh per connection at a time in this process; late callers join it, or follow it when it did not help them. */
  async function singleFlight(connectionId: string, staleVersion: number | undefined): Promise<AccessToken> {
    const pending = inFlight.get(connectionId);
    if (pending) {
      const result = await pending;
      if (staleVersion === undefined || result.version !== staleVersion) return result;
    }
    let next = inFlight.get(connectionId);
    if (!next) {
      next = refresh(connectionId, staleVersion).finally(() => inFlight.delete(connectionId));
      inFlight.set(connectionId, next);
    }
    return next;
  }

  return {
    /** A valid access token, refreshed first when it is in its last 30 seconds. */
    async accessToken(connectionId: string): Promise<AccessToken> {
      const row = await load(connectionId);
      if (isFresh(row)) return decryptAccess(row);
      return singleFlight(connectionId, undefined);
    },
    /** After Exact answered 401 to `rejected`: one refresh (shared by everyone who saw the same 401). */
    async afterUnauthorized(connectionId: string, rejected: AccessToken): Promise<AccessToken> {
      return singleFlight(connectionId, rejected.version);
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;

function reconnectError(reason: string | null): AppError {
  return new AppError(
    "upstream",
    "The Exact Online connection needs to be made again (GET /v1/exact/connect).",
    reason ? { exactMessage: reason, reconnect: true } : { reconnect: true },
    { said: { reason: "exact_reconnect_needed" } },
  );
}

/** The app's registration, not the customer's connection: a new consent would not help, so none is asked for. */
export function appRejectedError(reason: string): AppError {
  return new AppError(
    "upstream",
    "Exact Online refuses this app's client ID or secret: the proxy's Exact app settings need fixing.",
    { exactMessage: reason, appConfiguration: true },
    { said: { reason: "exact_app_rejected" } },
  );
}
