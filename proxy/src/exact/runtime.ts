import { randomUUID } from "node:crypto";
import type { Clock } from "@zapfloor-exact/shared/clock";
import type { Db } from "../db/client";
import type { ExactAppConfig } from "../exact-app";
import type { Logger } from "../logger";
import { createTokenCipher, type TokenCipher } from "../security/token-cipher";
import { createExactClient, type ExactClient, type RetryPolicy } from "./client";
import { createExactHttp, type ExactHttp } from "./http";
import { createRateBudget, type RateBudget, type RateLimits } from "./rate-budget";
import { createTokenManager, type TokenManager } from "./token-manager";

/** Everything that talks to Exact Online, wired once per process. */
export interface ExactRuntime {
  app: ExactAppConfig;
  http: ExactHttp;
  cipher: TokenCipher;
  tokens: TokenManager;
  budget: RateBudget;
  client: ExactClient;
  /** This process, in leases. */
  instanceId: string;
}

export interface ExactRuntimeOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  app: ExactAppConfig;
  secretKey: Buffer;
  /** Keys being rotated away from: they still open what they sealed. */
  previousKeys?: Buffer[];
  http?: ExactHttp;
  limits?: RateLimits;
  retry?: RetryPolicy;
  instanceId?: string;
}

export function createExactRuntime(options: ExactRuntimeOptions): ExactRuntime {
  const { db, clock, logger, app } = options;
  const instanceId = options.instanceId ?? randomUUID();
  const http = options.http ?? createExactHttp();
  const cipher = createTokenCipher(options.secretKey, options.previousKeys);
  const tokens = createTokenManager({ db, clock, logger, http, app, cipher, owner: instanceId });
  const budget = createRateBudget({ db, clock, ...(options.limits ? { limits: options.limits } : {}) });
  const client = createExactClient({
    db,
    clock,
    logger,
    http,
    app,
    tokens,
    budget,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return { app, http, cipher, tokens, budget, client, instanceId };
}
