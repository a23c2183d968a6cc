import type { Clock } from "@zapfloor-exact/shared/clock";
import { CLIENT_ERROR_LEDGER_ENV } from "./calls/client-error-ledger";
import type { TextOverflow } from "./odata/text-limits";
import type { SimUser } from "./state/user";

/** An Exact App Center registration the simulator accepts. */
export interface OAuthAppRegistration {
  clientId: string;
  clientSecret: string;
  /** Allowed redirect URIs; empty = any (the sandbox app). */
  redirectUris: string[];
  /** Secret that signs this app's webhook deliveries (App Center "webhook secret"). */
  webhookSecret?: string;
}

export interface DivisionSeed {
  code: number;
  name: string;
  /** How many generated accounts. */
  accounts: number;
  /** ISO-2, default NL. */
  country?: string;
  /** Default `start.exactonline.{nl|be|fr|de|co.uk}` after the country. */
  host?: string;
  /** Zero-padded account code width (e.g. 7 → `0000011`); default: plain codes for NL, 7 otherwise. */
  accountCodeDigits?: number;
}

export interface SeedOptions {
  seed: number;
  divisions: DivisionSeed[];
  /** Adds the divisions built from the recorded fixtures (FR 124132 from Nango, NL 499156 from the .NET SDK). */
  fixtureDivisions?: boolean;
}

export type ConsentBehaviour =
  /** Grant at once, with these divisions (default: all). */
  | { mode: "auto"; divisions?: number[] }
  /** Show an HTML consent page with a checkbox per division. */
  | { mode: "page" }
  /** Redirect back with `error=access_denied`. */
  | { mode: "deny" };

export interface ExactSimulatorOptions {
  clock?: Clock;
  /** Public base URL used in `__metadata.uri`, `__next` and webhook endpoints; default: the request's origin. */
  baseUrl?: string;
  apps?: OAuthAppRegistration[];
  /** Webhook secret for apps that do not set their own. */
  webhookSecret?: string;
  rateLimits?: { minutely?: number; daily?: number; tokenCallsPerDay?: number | null };
  tokens?: {
    accessTokenSeconds?: number;
    /** A refresh is refused until this many seconds after the previous access token was issued. */
    refreshNotBeforeSeconds?: number;
    refreshTokenDays?: number;
    authorizationCodeSeconds?: number;
    /** UNCONFIRMED nuance: a rotated refresh token stays usable until its successor is used. Default off. */
    oldRefreshTokenValidUntilNewUsed?: boolean;
  };
  odata?: {
    /** Refuse GET crm/Accounts without `$filter` ("mandatory filtering", enforcement UNCONFIRMED). Default false. */
    mandatoryAccountFilter?: boolean;
    /**
     * How a query with `$top` answers. `"withoutSelect"` (default) follows the 2026 recordings of one app: without
     * `$select` a bare `{"d":[…]}` (no `results`, `__next` or `__count`; `vat/VATCodes?$orderby&$skip&$top`, and
     * what picqer's `find()` relies on), with `$select` the usual `{"d":{"results":…}}` (GLAccounts, Journals,
     * Accounts twice, SalesInvoices). `true`: every `$top` query bare; `false`: none. [§2, nango recordings]
     */
    topBareArray?: boolean | "withoutSelect";
    /** Filterable properties per entity set (`crm/Accounts`, …); default every property. */
    filterableFields?: Record<string, string[]>;
    stringSemantics?: "exact" | "sqlServer";
    maxUrlLength?: number;
    int64AsString?: boolean;
  };
  fieldLimits?: {
    /**
     * What a text longer than Exact keeps does, for every limited field but SearchCode (UNCONFIRMED, see
     * `odata/text-limits.ts`): a 500 business rule (default, the strict reading) or cut to the limit (lenient).
     */
    overflow?: TextOverflow;
  };
  accounts?: {
    /** Default 9, the strict reading: 2013 SDK fixtures show SearchCodes cut to 9 characters (a schema says 30). */
    searchCodeMaxLength?: number;
    /** What a too-long SearchCode does: cut it (the 2013 fixtures show cut values) or a 500. */
    searchCodeOverflow?: "truncate" | "error";
    /** A PUT that sends the account's own unchanged Code answers 500 "Gegeven bestaat reeds" (picqer #416, #432). */
    putWithUnchangedCodeConflicts?: boolean;
  };
  errorBlock?: {
    /** Error responses (400/401/403/404) per app, division and endpoint per hour before blocking. */
    threshold?: number;
    /** Block (429) once over the threshold, as Exact does [§6, S12a]; default on. */
    block?: boolean;
  };
  /** Every client error this simulator answers is one the test asks for (tests of the simulator's own errors). */
  expectClientErrors?: boolean;
  /** File collecting unexpected client errors across a test run; default `$EXACT_SIM_CLIENT_ERROR_LEDGER`. */
  clientErrorLedger?: string;
  webhooks?: {
    /** Refuse non-HTTPS callback URLs as Exact does. Default false (tests use http://localhost). */
    requireHttps?: boolean;
  };
  seed?: SeedOptions;
  consent?: ConsentBehaviour;
  user?: Partial<SimUser>;
  /** Used for webhook deliveries; default the global fetch. */
  fetch?: typeof fetch;
}

export interface ResolvedOptions {
  baseUrl: string | undefined;
  apps: Required<OAuthAppRegistration>[];
  rateLimits: { minutely: number; daily: number; tokenCallsPerDay: number | null };
  tokens: Required<NonNullable<ExactSimulatorOptions["tokens"]>>;
  odata: {
    mandatoryAccountFilter: boolean;
    topBareArray: boolean | "withoutSelect";
    filterableFields: Record<string, string[]> | undefined;
    stringSemantics: "exact" | "sqlServer";
    maxUrlLength: number;
    int64AsString: boolean;
  };
  fieldLimits: { overflow: TextOverflow };
  accounts: Required<NonNullable<ExactSimulatorOptions["accounts"]>>;
  errorBlock: { threshold: number; block: boolean };
  expectClientErrors: boolean;
  clientErrorLedger: string | undefined;
  webhooks: { requireHttps: boolean };
  seed: SeedOptions;
  consent: ConsentBehaviour;
}

export const SANDBOX_CLIENT_ID = "sandbox-client-id";
export const SANDBOX_CLIENT_SECRET = "sandbox-client-secret";
export const DEFAULT_WEBHOOK_SECRET = "sandbox-webhook-secret";

export const DEFAULT_SEED: SeedOptions = {
  seed: 1,
  divisions: [
    { code: 1234567, name: "Flexwerk Amsterdam B.V.", accounts: 250, country: "NL" },
    { code: 2345678, name: "Coworking Gent BV", accounts: 120, country: "BE" },
  ],
  fixtureDivisions: true,
};

export function resolveOptions(options: ExactSimulatorOptions): ResolvedOptions {
  const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  const apps = (
    options.apps ?? [{ clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET, redirectUris: [] }]
  ).map((app) => ({ ...app, webhookSecret: app.webhookSecret ?? webhookSecret }));
  return {
    baseUrl: options.baseUrl?.replace(/\/+$/, ""),
    apps,
    rateLimits: {
      minutely: options.rateLimits?.minutely ?? 60,
      daily: options.rateLimits?.daily ?? 5000,
      tokenCallsPerDay:
        options.rateLimits?.tokenCallsPerDay === undefined ? 200 : options.rateLimits.tokenCallsPerDay,
    },
    tokens: {
      accessTokenSeconds: options.tokens?.accessTokenSeconds ?? 600,
      refreshNotBeforeSeconds: options.tokens?.refreshNotBeforeSeconds ?? 570,
      refreshTokenDays: options.tokens?.refreshTokenDays ?? 30,
      authorizationCodeSeconds: options.tokens?.authorizationCodeSeconds ?? 180,
      oldRefreshTokenValidUntilNewUsed: options.tokens?.oldRefreshTokenValidUntilNewUsed ?? false,
    },
    odata: {
      mandatoryAccountFilter: options.odata?.mandatoryAccountFilter ?? false,
      topBareArray: options.odata?.topBareArray ?? "withoutSelect",
      filterableFields: options.odata?.filterableFields,
      stringSemantics: options.odata?.stringSemantics ?? "exact",
      maxUrlLength: options.odata?.maxUrlLength ?? 6000,
      int64AsString: options.odata?.int64AsString ?? true,
    },
    fieldLimits: { overflow: options.fieldLimits?.overflow ?? "error" },
    accounts: {
      searchCodeMaxLength: options.accounts?.searchCodeMaxLength ?? 9,
      searchCodeOverflow: options.accounts?.searchCodeOverflow ?? "truncate",
      putWithUnchangedCodeConflicts: options.accounts?.putWithUnchangedCodeConflicts ?? true,
    },
    errorBlock: { threshold: options.errorBlock?.threshold ?? 10, block: options.errorBlock?.block ?? true },
    expectClientErrors: options.expectClientErrors ?? false,
    clientErrorLedger: options.clientErrorLedger ?? process.env[CLIENT_ERROR_LEDGER_ENV],
    webhooks: { requireHttps: options.webhooks?.requireHttps ?? false },
    seed: options.seed ?? DEFAULT_SEED,
    consent: options.consent ?? { mode: "auto" },
  };
}
