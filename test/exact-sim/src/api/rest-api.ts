import type { Context } from "hono";
import { ME_FIELDS, meRow } from "../entities/system/me-row";
import { badRequest, ExactError, forbidden, notFound } from "../http/exact-error";
import { jsonResponse, withHeaders } from "../http/responses";
import { defineSchema, plainFields } from "../odata/entity-schema";
import { validateAgainstSchema } from "../odata/query-options";
import { renderRow } from "../odata/render";
import type { SimRuntime } from "../runtime";
import { authenticate } from "./authenticate";
import { type CallTrace, TOO_MANY_REQUESTS } from "./call-pipeline";
import { findEndpoint } from "./endpoint-registry";
import { buildQuery, publicOrigin, type RestRequest } from "./rest-request";

const PATH = /^\/api\/v1\/(\d+)\/(.+?)(?:\(([^)]*)\)(?:\/([A-Za-z]+))?)?\/?$/;
const meSchema = defineSchema<Record<string, unknown>>(
  "Exact.Web.Api.Models.System.Me",
  "UserID",
  plainFields(ME_FIELDS),
);

/**
 * `/api/v1/…`: URL length, Accept, bearer token, division access, error budget and rate limits, then the entity
 * handler; rate-limit headers go on every answer to a division URL [exact-online-api.md §2, §6, §8].
 */
export async function handleRestCall(runtime: SimRuntime, c: Context, trace: CallTrace): Promise<Response> {
  const url = new URL(c.req.url);
  if (c.req.url.length - url.origin.length > runtime.options.odata.maxUrlLength) {
    throw badRequest("The request URL is too long.");
  }
  const accept = c.req.header("Accept") ?? "";
  if (!/json/i.test(accept)) {
    // Exact answers XML (Atom) without `Accept: application/json`; the simulator only speaks JSON.
    throw new ExactError(
      406,
      "Send 'Accept: application/json': without it Exact answers XML, which this simulator does not produce.",
    );
  }
  const grant = authenticate(runtime, c, trace);
  trace.clientId = grant.clientId;

  if (/^\/api\/v1\/current\/Me\/?$/i.test(url.pathname)) {
    const query = buildQuery(url);
    validateAgainstSchema(query, meSchema);
    const row = meRow(runtime.ctx.user, runtime.state, runtime.ctx.clock.now());
    const origin = publicOrigin(runtime, url);
    const rendered = renderRow(
      row,
      { schema: meSchema, uriOf: (r) => `${origin}/api/v1/current/Me(guid'${r.UserID}')` },
      { int64AsString: runtime.options.odata.int64AsString },
      query.select,
    );
    return jsonResponse({ d: { results: [rendered] } });
  }

  const match = PATH.exec(decodePath(url.pathname));
  if (!match) throw notFound("Resource not found.");
  const [, divisionText, entitySetRaw, key, navigation] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  const divisionCode = Number(divisionText);
  const division = runtime.state.division(divisionCode);
  if (!division || !grant.divisions.includes(divisionCode)) {
    throw forbidden("NoDivisionAccess", "Forbidden");
  }
  if (division.blockingStatus !== 0 || division.status !== 1) {
    // A blocked division answers 403 with `Reason: DivisionBlocked` [§8, I-picqer-451]; an archived one likewise
    // here (its real answer is UNCONFIRMED; a refusal is the strict reading).
    throw forbidden("DivisionBlocked", "Forbidden");
  }

  if (
    runtime.options.errorBlock.block &&
    runtime.errorBudget.isOverThreshold(grant.clientId, divisionCode, trace.endpoint)
  ) {
    // Exact blocks an app after too many errors per endpoint and hour [S12a]; the blocked answer is UNCONFIRMED.
    throw new ExactError(429, "Too many errors for this endpoint; the application is temporarily blocked.");
  }
  const limit = runtime.limiter.consume(grant.clientId, divisionCode);
  if (!limit.allowed) {
    trace.rateLimited = true;
    throw new ExactError(429, TOO_MANY_REQUESTS, limit.headers);
  }

  let response: Response;
  try {
    response = await dispatch(runtime, c, url, { grant, division, trace }, entitySetRaw, key, navigation);
  } catch (error) {
    if (error instanceof ExactError)
      throw new ExactError(error.status, error.message, { ...error.headers, ...limit.headers });
    throw error;
  }
  return withHeaders(response, limit.headers);
}

async function dispatch(
  runtime: SimRuntime,
  c: Context,
  url: URL,
  auth: Pick<RestRequest, "grant" | "division" | "trace">,
  entitySetRaw: string,
  key: string | undefined,
  navigation: string | undefined,
): Promise<Response> {
  const endpoint = findEndpoint(entitySetRaw);
  if (!endpoint) throw notFound(`Resource not found for the segment '${entitySetRaw.split("/").at(-1)}'.`);
  const req: RestRequest = {
    runtime,
    c,
    url,
    ...auth,
    entitySet: endpoint.entitySet,
    divisionBase: `${publicOrigin(runtime, url)}/api/v1/${auth.division.code}/`,
    query: buildQuery(url),
    preferRepresentation: /return=representation/i.test(c.req.header("Prefer") ?? ""),
  };
  const method = c.req.method.toUpperCase();
  const notAllowed = () =>
    new ExactError(405, `The HTTP method '${method}' is not allowed for '${endpoint.entitySet}'.`);
  if (navigation !== undefined) {
    if (key === undefined || method !== "GET" || !endpoint.navigation) throw notAllowed();
    return endpoint.navigation(req, key, navigation);
  }
  if (key === undefined) {
    if (method === "GET" && endpoint.list) return endpoint.list(req);
    if (method === "POST" && endpoint.post) return endpoint.post(req, await c.req.text());
    throw notAllowed();
  }
  if (method === "GET" && endpoint.get) return endpoint.get(req, key);
  if (method === "PUT" && endpoint.put) return endpoint.put(req, key, await c.req.text());
  if (method === "DELETE" && endpoint.delete) return endpoint.delete(req, key);
  throw notAllowed();
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw badRequest("Bad Request - Invalid URL");
  }
}
