import {
  type AcceptSuggestionsResult,
  type AccountDetail,
  acceptSuggestionsResultSchema,
  accountDetailSchema,
  linkResultSchema,
  overviewPageSchema,
} from "@zapfloor-exact/shared/schemas/accounts";
import { accountInvoicesSchema, attentionSchema } from "@zapfloor-exact/shared/schemas/attention";
import {
  connectionSchema,
  connectStartedSchema,
  type ExactConnectionState,
} from "@zapfloor-exact/shared/schemas/connection";
import { customerSearchResultSchema } from "@zapfloor-exact/shared/schemas/customers";
import { divisionSchema, syncStateSchema } from "@zapfloor-exact/shared/schemas/divisions";
import { validationProblemSchema } from "@zapfloor-exact/shared/schemas/error";
import { type GoLiveReview, goLiveReviewSchema } from "@zapfloor-exact/shared/schemas/go-live";
import { type PairedTokenView, pairedTokenSchema } from "@zapfloor-exact/shared/schemas/pairing";
import { isErrorReason } from "@zapfloor-exact/shared/schemas/problem-codes";
import { referenceDataSchema } from "@zapfloor-exact/shared/schemas/reference-data";
import { salesEntryListSchema, salesEntrySchema } from "@zapfloor-exact/shared/schemas/sales-entries";
import { settingsSchema } from "@zapfloor-exact/shared/schemas/settings";
import { z } from "zod";
import type { Locale } from "../i18n/locale";
import { type ApiResult, failed, type Problem, type Said, succeeded } from "./api-result";
import type {
  AccountsQuery,
  Attention,
  BookingSettings,
  BookingSettingsInput,
  CustomerSearch,
  DivisionSummary,
  FailedPush,
  FailedPushesPage,
  OverviewPage,
  ReferenceData,
  SyncState,
} from "./proxy-types";
import { checkProxyUrl } from "./proxy-url";

export interface ProxySettings {
  /** The proxy's base URL, normalised by the options page; empty when not configured. */
  url: string;
  /** The bookkeeper token; sent as a Bearer token on every request. */
  token: string;
}

/** What the panel, the popup and the options page show about the proxy. */
export type ProxyHealth =
  | { state: "not_configured" }
  | { state: "permission_missing"; origin: string }
  | { state: "healthy"; version: string }
  | { state: "token_missing"; version: string }
  | { state: "token_invalid"; version: string }
  | { state: "unhealthy"; httpStatus: number; detail: string }
  | { state: "unreachable"; detail: string };

export interface ProxyClientDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}

const healthSchema = z.object({ ok: z.boolean(), version: z.string(), db: z.string() });
const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // Lenient: a reason this extension does not know leaves the error in the proxy's English.
    reason: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    details: z.unknown().optional(),
  }),
});
const divisionsSchema = z.object({ divisions: z.array(divisionSchema) });

type Method = "GET" | "PUT" | "POST" | "DELETE";

/** The background worker's only door to the proxy: typed calls, answers checked against the shared schemas. */
export function createProxyClient(baseUrl: string, token: string, deps: ProxyClientDeps) {
  function send(method: Method, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token !== "") headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return deps.fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  }

  async function call<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
    /** A call that takes no token (the pairing code is its credential). */
    anonymous = false,
  ): Promise<ApiResult<z.output<S>>> {
    if (token === "" && !anonymous) return failed({ kind: "token_missing" });
    let response: Response;
    try {
      response = await send(method, path, body);
    } catch (error) {
      return failed({ kind: "unreachable", detail: describeFetchFailure(error) });
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) return failed(problemOf(response.status, json));
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return failed({
        kind: "failed",
        httpStatus: response.status,
        message: `unexpected answer${issue ? ` at ${issue.path.join(".") || "the top"}: ${issue.message}` : ""}`,
      });
    }
    return succeeded(parsed.data);
  }

  const divisionPath = (division: number) => `/v1/divisions/${division}`;
  const accountPath = (division: number, accountId: string) =>
    `${divisionPath(division)}/accounts/${encodeURIComponent(accountId)}`;

  /** A 404 on a division's path is either the division or the thing inside it: the divisions list tells. */
  async function inDivision<T>(division: number, result: ApiResult<T>): Promise<ApiResult<T>> {
    if (result.ok || result.problem.kind !== "not_found") return result;
    const divisions = await call("GET", "/v1/divisions", divisionsSchema);
    if (divisions.ok && !divisions.value.divisions.some((known) => known.division === division)) {
      return failed({ kind: "division_not_connected", division });
    }
    return result;
  }

  return {
    async health(): Promise<ProxyHealth> {
      let response: Response;
      try {
        response = await send("GET", "/health");
      } catch (error) {
        return { state: "unreachable", detail: describeFetchFailure(error) };
      }
      const body: unknown = await response.json().catch(() => null);
      const health = healthSchema.safeParse(body);
      if (!response.ok || !health.success || !health.data.ok) {
        return { state: "unhealthy", httpStatus: response.status, detail: describeUnhealthy(body) };
      }
      const { version } = health.data;
      if (token === "") return { state: "token_missing", version };
      // /health takes no token; the connection state is the cheapest call that checks it.
      const connection = await call("GET", "/v1/exact/connection", connectionSchema);
      if (connection.ok) return { state: "healthy", version };
      const { problem } = connection;
      if (problem.kind === "token_invalid") return { state: "token_invalid", version };
      if (problem.kind === "unreachable") return { state: "unreachable", detail: problem.detail };
      return {
        state: "unhealthy",
        httpStatus: problem.kind === "failed" ? problem.httpStatus : 0,
        detail: "message" in problem ? problem.message : problem.kind,
      };
    },

    /** Exchanges a pairing code for a new bookkeeper token; needs no token of its own. */
    pair: (code: string): Promise<ApiResult<PairedTokenView>> =>
      call("POST", "/v1/pairing/exchange", pairedTokenSchema, { code }, true),

    connection: (): Promise<ApiResult<ExactConnectionState>> =>
      call("GET", "/v1/exact/connection", connectionSchema),

    async divisions(): Promise<ApiResult<DivisionSummary[]>> {
      const result = await call("GET", "/v1/divisions", divisionsSchema);
      return result.ok ? succeeded(result.value.divisions) : result;
    },

    /** `lang`: the language of the proxy's consent pages, the extension's own. */
    async connectUrl(
      host: string,
      options: { lang?: Locale; returnTo?: string } = {},
    ): Promise<ApiResult<string>> {
      const query = new URLSearchParams({ format: "json", host });
      if (options.lang) query.set("lang", options.lang);
      if (options.returnTo) query.set("returnTo", options.returnTo);
      const result = await call("GET", `/v1/exact/connect?${query}`, connectStartedSchema);
      return result.ok ? succeeded(result.value.authorizeUrl) : result;
    },

    account: async (division: number, accountId: string): Promise<ApiResult<AccountDetail>> =>
      inDivision(division, await call("GET", accountPath(division, accountId), accountDetailSchema)),

    /** `accountModified` (as shown) has the proxy refuse when the account changed in Exact since. */
    link: async (
      division: number,
      accountId: string,
      customerNumber: string,
      accountModified?: string | null,
    ) =>
      inDivision(
        division,
        await call("PUT", `${accountPath(division, accountId)}/link`, linkResultSchema, {
          customerNumber,
          ...(accountModified !== undefined ? { accountModified } : {}),
        }),
      ),

    unlink: async (division: number, accountId: string) =>
      inDivision(
        division,
        await call("DELETE", `${accountPath(division, accountId)}/link`, accountDetailSchema),
      ),

    promoteAndLink: async (
      division: number,
      accountId: string,
      customerNumber: string,
      accountModified?: string | null,
    ) =>
      inDivision(
        division,
        await call("POST", `${accountPath(division, accountId)}/promote-and-link`, linkResultSchema, {
          customerNumber,
          ...(accountModified !== undefined ? { accountModified } : {}),
        }),
      ),

    addVatAndLink: async (
      division: number,
      accountId: string,
      customerNumber: string,
      accountModified?: string | null,
    ) =>
      inDivision(
        division,
        await call("POST", `${accountPath(division, accountId)}/add-vat-and-link`, accountDetailSchema, {
          customerNumber,
          ...(accountModified !== undefined ? { accountModified } : {}),
        }),
      ),

    async searchCustomers(query: {
      q: string;
      division?: number;
      cursor?: string;
    }): Promise<ApiResult<CustomerSearch>> {
      const params = new URLSearchParams({ limit: "20" });
      if (query.q.trim() !== "") params.set("q", query.q.trim());
      if (query.division !== undefined) params.set("division", String(query.division));
      if (query.cursor) params.set("cursor", query.cursor);
      return call("GET", `/v1/customers?${params}`, customerSearchResultSchema);
    },

    async accounts(query: AccountsQuery): Promise<ApiResult<OverviewPage>> {
      const params = new URLSearchParams({ state: query.state, limit: String(query.limit) });
      if (query.q && query.q.trim() !== "") params.set("q", query.q.trim());
      if (query.cursor) params.set("cursor", query.cursor);
      return inDivision(
        query.division,
        await call("GET", `${divisionPath(query.division)}/accounts?${params}`, overviewPageSchema),
      );
    },

    async failedPushes(division: number, cursor?: string): Promise<ApiResult<FailedPushesPage>> {
      const params = new URLSearchParams({ state: "failed", limit: "200" });
      if (cursor) params.set("cursor", cursor);
      return inDivision(
        division,
        await call("GET", `${divisionPath(division)}/sales-entries?${params}`, salesEntryListSchema),
      );
    },

    bookingSettings: async (division: number): Promise<ApiResult<BookingSettings>> =>
      inDivision(division, await call("GET", `${divisionPath(division)}/settings`, settingsSchema)),

    saveBookingSettings: async (
      division: number,
      settings: BookingSettingsInput,
    ): Promise<ApiResult<BookingSettings>> =>
      inDivision(division, await call("PUT", `${divisionPath(division)}/settings`, settingsSchema, settings)),

    referenceData: async (division: number, refresh: boolean): Promise<ApiResult<ReferenceData>> =>
      inDivision(
        division,
        refresh
          ? await call("POST", `${divisionPath(division)}/reference-data/refresh`, referenceDataSchema)
          : await call("GET", `${divisionPath(division)}/reference-data`, referenceDataSchema),
      ),

    accountInvoices: async (division: number, accountId: string) =>
      inDivision(
        division,
        await call("GET", `${accountPath(division, accountId)}/invoices`, accountInvoicesSchema),
      ),

    goLiveReview: async (division: number): Promise<ApiResult<GoLiveReview>> =>
      inDivision(division, await call("GET", `${divisionPath(division)}/go-live-review`, goLiveReviewSchema)),

    attention: async (division: number): Promise<ApiResult<Attention>> =>
      inDivision(division, await call("GET", `${divisionPath(division)}/attention`, attentionSchema)),

    retryPush: async (division: number, invoiceNumber: string): Promise<ApiResult<FailedPush>> =>
      inDivision(
        division,
        await call(
          "POST",
          `${divisionPath(division)}/sales-entries/${encodeURIComponent(invoiceNumber)}/retry`,
          salesEntrySchema,
        ),
      ),

    startSync: async (division: number): Promise<ApiResult<SyncState>> =>
      inDivision(division, await call("POST", `${divisionPath(division)}/sync`, syncStateSchema, {})),

    syncState: async (division: number): Promise<ApiResult<SyncState>> =>
      inDivision(division, await call("GET", `${divisionPath(division)}/sync`, syncStateSchema)),

    acceptSuggestions: async (
      division: number,
      request: { dryRun: boolean; exactIds?: string[] },
    ): Promise<ApiResult<AcceptSuggestionsResult>> =>
      inDivision(
        division,
        await call(
          "POST",
          `${divisionPath(division)}/accounts/accept-suggestions`,
          acceptSuggestionsResultSchema,
          request,
        ),
      ),
  };
}

export type ProxyClient = ReturnType<typeof createProxyClient>;

/**
 * The client for the saved settings, or the problem that stops the worker from calling the proxy:
 * nothing configured, or no permission for its origin yet.
 */
export async function clientFor(
  settings: ProxySettings,
  hasPermission: (origin: string) => Promise<boolean>,
  deps: ProxyClientDeps,
): Promise<ApiResult<ProxyClient>> {
  if (settings.url.trim() === "") return failed({ kind: "not_configured" });
  const url = checkProxyUrl(settings.url);
  if (!url.ok) return failed({ kind: "not_configured" });
  if (!(await hasPermission(url.origin))) return failed({ kind: "permission_missing", origin: url.origin });
  return succeeded(createProxyClient(url.baseUrl, settings.token, deps));
}

/** Checks the proxy named by the settings; `hasPermission` tells whether the worker may call its origin. */
export async function checkProxyHealth(
  settings: ProxySettings,
  hasPermission: (origin: string) => Promise<boolean>,
  deps: ProxyClientDeps,
): Promise<ProxyHealth> {
  const client = await clientFor(settings, hasPermission, deps);
  if (client.ok) return client.value.health();
  const { problem } = client;
  return problem.kind === "permission_missing"
    ? { state: "permission_missing", origin: problem.origin }
    : { state: "not_configured" };
}

// Lenient on `code`: a newer proxy's code this extension does not know is still passed on, shown in English.
const problemListSchema = z.object({
  problems: z.array(validationProblemSchema.extend({ code: z.string().optional() })),
});
const mirrorNotLoadedSchema = z.object({ reason: z.literal("mirror_not_loaded"), division: z.number() });
const customerNeedsReviewSchema = z.object({
  reason: z.literal("customer_needs_review"),
  customerNumber: z.string(),
});

function problemOf(status: number, body: unknown): Problem {
  const envelope = errorBodySchema.safeParse(body);
  // Every problem of a refused request, e.g. a settings code the division does not have with the valid ones.
  const listed = problemListSchema.safeParse(envelope.success ? envelope.data.error.details : undefined);
  const problems = listed.success ? listed.data.problems : [];
  const message = envelope.success
    ? [envelope.data.error.message, ...problems.map((problem) => problem.message)].join(" ")
    : `HTTP ${status}`;
  const error = envelope.success ? envelope.data.error : undefined;
  // The error by its reason, to be said in the reader's language; only reasons this extension can word.
  const said: { said?: Said } =
    error?.reason && isErrorReason(error.reason)
      ? { said: { reason: error.reason, params: error.params ?? {} } }
      : {};
  switch (status) {
    case 401:
      return { kind: "token_invalid" };
    case 403:
      return { kind: "forbidden", message };
    case 404:
      return { kind: "not_found", message, ...said };
    case 409: {
      const details = envelope.success ? envelope.data.error.details : undefined;
      const unloaded = mirrorNotLoadedSchema.safeParse(details);
      if (unloaded.success) return { kind: "mirror_not_loaded", division: unloaded.data.division };
      const waiting = customerNeedsReviewSchema.safeParse(details);
      if (waiting.success) return { kind: "customer_needs_review", customer: waiting.data.customerNumber };
      return { kind: "conflict", message, ...(problems.length ? { problems } : {}), ...said };
    }
    default:
      return {
        kind: "failed",
        httpStatus: status,
        message,
        ...(problems.length ? { problems } : {}),
        ...said,
      };
  }
}

function describeUnhealthy(body: unknown): string {
  const health = healthSchema.safeParse(body);
  if (health.success) return `database ${health.data.db}`;
  const envelope = errorBodySchema.safeParse(body);
  if (envelope.success) return envelope.data.error.message;
  return "the answer is not the proxy's health report";
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError")
    return "the proxy did not answer in time";
  return error instanceof Error ? error.message : String(error);
}
