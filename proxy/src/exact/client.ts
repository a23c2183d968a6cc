import type { Clock } from "@zapfloor-exact/shared/clock";
import type { z } from "zod";
import type { Db } from "../db/client";
import { type ConnectionRow, readConnectionOfTenant } from "../db/connection-tokens";
import { AppError, refused } from "../errors";
import type { ExactAppConfig } from "../exact-app";
import type { Logger } from "../logger";
import { keyedSemaphores } from "../util/semaphore";
import { ExactApiError, errorFromResponse, noAnswerError } from "./errors";
import { baseUrlFor } from "./hosts";
import { type ExactHttp, type ExactRequest, type ExactResponse, ExactTransportError, pathOf } from "./http";
import { type ODataQuery, queryString } from "./odata";
import { budgetKey, type RateBudget } from "./rate-budget";
import { readRateLimitHeaders } from "./rate-limit-headers";
import type { AccessToken, TokenManager } from "./token-manager";

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ExactClientDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  http: ExactHttp;
  app: ExactAppConfig;
  tokens: TokenManager;
  budget: RateBudget;
  retry?: RetryPolicy;
  /** Exact asks for no parallel pipelining per division. [§6, S12a] */
  perDivisionConcurrency?: number;
  /** Safety cap on `__next` pages followed in one listing. */
  maxPages?: number;
}

const defaultRetry: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8000 };

interface CallSpec {
  method: ExactRequest["method"];
  /** Absolute URL (a `__next` link) or a path below `/api/v1/`. */
  target: string;
  body?: unknown;
  /** Whether sending twice is harmless. POSTs are not: an unanswered POST may have been carried out. */
  idempotent: boolean;
}

export interface PageInfo {
  page: number;
  rows: number;
}

/** One tenant's Exact Online, one division at a time: every call goes through the budget, the tokens and retries. */
export function createExactClient(deps: ExactClientDeps) {
  const retry = deps.retry ?? defaultRetry;
  const maxPages = deps.maxPages ?? 500;
  const perDivision = keyedSemaphores(deps.perDivisionConcurrency ?? 2);

  async function connectionOf(tenantId: string): Promise<ConnectionRow> {
    const connection = await readConnectionOfTenant(deps.db, tenantId);
    if (!connection)
      throw refused(
        "not_found",
        { reason: "exact_not_connected" },
        "This tenant has not connected Exact Online yet.",
      );
    return connection;
  }

  function urlFor(connection: ConnectionRow, target: string): string {
    const base = baseUrlFor(deps.app, connection.host);
    if (!/^https?:\/\//.test(target)) return `${base}/api/v1/${target}`;
    // Follow Exact's absolute `__next` links, but never send a token to a host other than the connection's.
    const link = new URL(target);
    return `${base}${link.pathname}${link.search}`;
  }

  async function call(
    tenantId: string,
    division: number | undefined,
    spec: CallSpec,
    onSend?: () => void,
    maxBudgetWaitMs?: number,
  ): Promise<ExactResponse> {
    const connection = await connectionOf(tenantId);
    const url = urlFor(connection, spec.target);
    const endpoint = pathOf(url);
    const key = division === undefined ? undefined : budgetKey(deps.app.clientId, division);
    let rejected: AccessToken | undefined;
    // Bounded while Exact has certainly not carried the call out (not sent, or refused with 401 or 429): once it
    // may have, finishing it is worth the wait.
    let maxWait = maxBudgetWaitMs;

    for (let attempt = 1; ; attempt++) {
      if (key) await deps.budget.acquire(key, undefined, maxWait);
      // The token is taken after the budget wait, which can outlast it.
      const token = rejected
        ? await deps.tokens.afterUnauthorized(connection.id, rejected)
        : await deps.tokens.accessToken(connection.id);
      let response: ExactResponse;
      onSend?.();
      try {
        response = await deps.http.send({
          method: spec.method,
          url,
          headers: {
            authorization: `Bearer ${token.token}`,
            accept: "application/json",
            ...(spec.body === undefined ? {} : { "content-type": "application/json" }),
            ...(spec.method === "POST" ? { prefer: "return=representation" } : {}),
          },
          ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        });
      } catch (error) {
        if (key) deps.budget.abandon(key);
        if (!(error instanceof ExactTransportError)) throw error;
        if (!spec.idempotent || attempt >= retry.attempts) throw noAnswerError(endpoint, error.message);
        maxWait = undefined;
        await backoff(attempt, endpoint, "no answer");
        continue;
      }
      const limits = readRateLimitHeaders(response.headers);
      if (key) await deps.budget.record(key, limits);

      if (response.status >= 200 && response.status < 300) return response;
      if (response.status === 401 && !rejected) {
        rejected = token;
        continue;
      }
      const error = errorFromResponse(response.status, response.text, response.headers, endpoint);
      const retryable = response.status === 429 || (error.facts.transient && spec.idempotent);
      if (!retryable || attempt >= retry.attempts) throw error;
      // A 429 with rate-limit headers has set the budget's window to Exact's reset: the next acquire waits for it.
      // Without them it is no rate limit (Exact's error block answers so): back off, capped. [§6, S12a]
      if (response.status !== 429) {
        maxWait = undefined;
        await backoff(attempt, endpoint, `HTTP ${response.status}`);
      } else if (!limits.minutely && !limits.daily)
        await backoff(attempt, endpoint, "HTTP 429 without limits");
    }
  }

  async function backoff(attempt: number, endpoint: string, why: string): Promise<void> {
    const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    deps.logger.warn("exact call failed, retrying", { endpoint, why, attempt, delayMs: delay });
    await deps.clock.sleep(delay);
  }

  function parse<T extends z.ZodType>(schema: T, row: unknown, endpoint: string): z.output<T> {
    const result = schema.safeParse(row);
    if (result.success) return result.data;
    throw new ExactApiError(
      "upstream",
      "Exact Online answered with data in an unexpected shape.",
      {
        exactStatus: 200,
        exactMessage: result.error.issues
          .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
          .join("; "),
        business: false,
        transient: false,
        endpoint,
      },
      { reason: "exact_unexpected_answer" },
    );
  }

  /**
   * One division's calls. `bound`: the handle serves a caller that waits at most this long; its first write is
   * refused at once (`exact_minute_used`) rather than wait longer for Exact's next minute. Its reads, and what
   * follows a write that was sent, wait as a background job's do.
   */
  function division(tenantId: string, divisionCode: number, bound?: { maxBudgetWaitMs: number }) {
    let calls = 0;
    let wrote = false;
    const countCall = () => {
      calls++;
    };
    const key = budgetKey(deps.app.clientId, divisionCode);
    const run = async (spec: CallSpec) => {
      const maxWait = bound && !wrote && spec.method !== "GET" ? bound.maxBudgetWaitMs : undefined;
      if (spec.method !== "GET") wrote = true;
      // Before queueing behind the division's other calls, which may themselves be waiting for the next minute.
      if (maxWait !== undefined) await deps.budget.checkWait(key, maxWait);
      return perDivision(`${tenantId}:${divisionCode}`, () =>
        call(tenantId, divisionCode, spec, countCall, maxWait),
      );
    };
    const path = (resource: string, query?: ODataQuery) => {
      const qs = query ? queryString(query) : "";
      return `${divisionCode}/${resource}${qs ? `?${qs}` : ""}`;
    };

    return {
      tenantId,
      division: divisionCode,
      /** Requests this handle has sent to Exact, retries included. */
      get calls() {
        return calls;
      },

      /** Every row of a listing, following `__next` one page at a time (Exact: never page in parallel). [§2] */
      async list<T extends z.ZodType>(
        resource: string,
        query: ODataQuery,
        schema: T,
        onPage?: (rows: z.output<T>[], info: PageInfo) => void | Promise<void>,
      ): Promise<z.output<T>[]> {
        const all: z.output<T>[] = [];
        let target: string | undefined = path(resource, query);
        for (let page = 1; target; page++) {
          if (page > maxPages) {
            throw new AppError(
              "upstream",
              `Exact Online listing ${resource} has more than ${maxPages} pages.`,
            );
          }
          const response = await run({ method: "GET", target, idempotent: true });
          const { rows, next } = unwrapList(response.text, resource);
          const parsed = rows.map((row) => parse(schema, row, resource));
          all.push(...parsed);
          await onPage?.(parsed, { page, rows: parsed.length });
          target = next;
        }
        return all;
      },

      /**
       * How many rows a listing has (OData `__count`), for one call. Without `$top`: Exact answers `$top` queries
       * as a bare array, which has no `__count`. [§2, nango/list-vat-codes]
       */
      async count(resource: string, query: ODataQuery = {}): Promise<number> {
        const target = path(resource, { ...query, inlinecount: "allpages" });
        const response = await run({ method: "GET", target, idempotent: true });
        const total = Number((bodyOf(response.text, resource) as { __count?: unknown }).__count);
        if (!Number.isInteger(total)) throw shapeError(resource);
        return total;
      },

      /**
       * The one row a key filter selects (`$filter=ID eq guid'…'&$top=1`), undefined when there is none. Never
       * `Entity(guid'…')`: for a missing record that is a 404, and 4xx answers count toward Exact's error block,
       * where a filter answers 200 with an empty list. [§6, S12a; picqer `Findable::find`]
       */
      async findOne<T extends z.ZodType>(
        resource: string,
        query: ODataQuery & { filter: string },
        schema: T,
      ): Promise<z.output<T> | undefined> {
        const response = await run({
          method: "GET",
          target: path(resource, { ...query, top: 1 }),
          idempotent: true,
        });
        const { rows } = unwrapList(response.text, resource);
        return rows.length ? parse(schema, rows[0], resource) : undefined;
      },

      /** Creates an entity. Never retried after an unanswered attempt: the caller must look before posting again. */
      async create<T extends z.ZodType>(resource: string, body: unknown, schema: T): Promise<z.output<T>> {
        const response = await run({ method: "POST", target: path(resource), body, idempotent: false });
        return parse(schema, unwrapSingle(response.text), resource);
      },

      async update(resource: string, body: unknown): Promise<void> {
        await run({ method: "PUT", target: path(resource), body, idempotent: true });
      },

      async remove(resource: string): Promise<void> {
        await run({ method: "DELETE", target: path(resource), idempotent: true });
      },
    };
  }

  async function me<T extends z.ZodType>(tenantId: string, schema: T): Promise<z.output<T>> {
    const response = await call(tenantId, undefined, {
      method: "GET",
      target: "current/Me?$select=CurrentDivision,UserID,FullName,Email,LanguageCode",
      idempotent: true,
    });
    const { rows } = unwrapList(response.text, "current/Me");
    return parse(schema, rows[0], "current/Me");
  }

  return {
    division,
    /** `current/Me`: has no division in its URL, so it does not count toward a division's limits. [§2, S12a] */
    me,
  };
}

export type ExactClient = ReturnType<typeof createExactClient>;
export type DivisionApi = ReturnType<ExactClient["division"]>;

/** The same client for a caller that waits at most `maxBudgetWaitMs` for a write's turn (a person's request). */
export const withBudgetWait = (client: ExactClient, maxBudgetWaitMs: number): ExactClient => ({
  ...client,
  division: (tenantId, divisionCode) => client.division(tenantId, divisionCode, { maxBudgetWaitMs }),
});

/** `{d:{results:[…], __next}}`, or `{d:[…]}` as one 2026 recording shows. [§2, nango/list-vat-codes] */
export function unwrapList(text: string, resource: string): { rows: unknown[]; next?: string } {
  const d = bodyOf(text, resource);
  if (Array.isArray(d)) return { rows: d };
  const envelope = d as { results?: unknown; __next?: unknown };
  if (!Array.isArray(envelope.results)) throw shapeError(resource);
  return {
    rows: envelope.results,
    ...(typeof envelope.__next === "string" && envelope.__next ? { next: envelope.__next } : {}),
  };
}

export function unwrapSingle(text: string, resource = "entity"): unknown {
  const d = bodyOf(text, resource);
  // Some single-entity answers still come wrapped as a one-row list.
  if (Array.isArray(d)) return d[0];
  const results = (d as { results?: unknown }).results;
  return Array.isArray(results) ? results[0] : d;
}

function bodyOf(text: string, resource: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw shapeError(resource);
  }
  const d = (json as { d?: unknown } | null)?.d;
  if (d === undefined || d === null || typeof d !== "object") throw shapeError(resource);
  return d;
}

function shapeError(resource: string) {
  return new ExactApiError(
    "upstream",
    "Exact Online answered with something that is not an OData envelope.",
    {
      exactStatus: 200,
      business: false,
      transient: false,
      endpoint: resource,
    },
    { reason: "exact_unexpected_answer" },
  );
}
