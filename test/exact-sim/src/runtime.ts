import type { Clock } from "@zapfloor-exact/shared/clock";
import { CallLog } from "./calls/call-log";
import { clientErrorLedger } from "./calls/client-error-ledger";
import { createAccountSchema, createSyncAccountSchema } from "./entities/accounts/account-schema";
import { FaultInjector } from "./faults/fault-injector";
import { ErrorBudget } from "./limits/error-budget";
import { RateLimiter } from "./limits/rate-limiter";
import { TokenStore } from "./oauth/token-store";
import type { ConsentBehaviour, ResolvedOptions } from "./options";
import type { SimEvents } from "./state/events";
import type { SimContext } from "./state/sim-context";
import { SimulatorState } from "./state/simulator-state";
import type { SimUser } from "./state/user";
import { createPrng } from "./util/prng";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher";

/** The simulator's moving parts, shared by the REST API, the OAuth endpoints and the control API. */
export interface SimRuntime {
  ctx: SimContext;
  options: ResolvedOptions;
  state: SimulatorState;
  tokens: TokenStore;
  limiter: RateLimiter;
  errorBudget: ErrorBudget;
  calls: CallLog;
  faults: FaultInjector;
  consent: { behaviour: ConsentBehaviour };
  schemas: {
    account: ReturnType<typeof createAccountSchema>;
    syncAccount: ReturnType<typeof createSyncAccountSchema>;
  };
  fetch: typeof fetch;
  webhooks: WebhookDispatcher;
}

export function createRuntime(input: {
  clock: Clock;
  options: ResolvedOptions;
  user: SimUser;
  events: SimEvents;
  fetch: typeof fetch;
}): SimRuntime {
  const { clock, options, user, events } = input;
  const state = new SimulatorState();
  const ctx: SimContext = { clock, ids: createPrng(options.seed.seed ^ 0x5eed), options, user, events };
  const schemaContext = {
    hostOfDivision: (division: number) => state.division(division)?.profile.host ?? "start.exactonline.nl",
    languageCode: () => user.languageCode,
    user: () => user,
  };
  const runtime: Omit<SimRuntime, "webhooks"> & { webhooks?: WebhookDispatcher } = {
    ctx,
    options,
    state,
    tokens: new TokenStore(clock, options.tokens),
    limiter: new RateLimiter(clock, {
      minutely: options.rateLimits.minutely,
      daily: options.rateLimits.daily,
    }),
    errorBudget: new ErrorBudget(clock, options.errorBlock.threshold),
    calls: new CallLog(options.expectClientErrors, clientErrorLedger(options.clientErrorLedger)),
    faults: new FaultInjector(createPrng(options.seed.seed ^ 0xfa17)),
    consent: { behaviour: options.consent },
    schemas: {
      account: createAccountSchema(schemaContext),
      syncAccount: createSyncAccountSchema(schemaContext),
    },
    fetch: input.fetch,
  };
  runtime.webhooks = new WebhookDispatcher(runtime as SimRuntime);
  return runtime as SimRuntime;
}
