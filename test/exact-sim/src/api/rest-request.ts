import type { Context } from "hono";
import { badRequest } from "../http/exact-error";
import type { Grant } from "../oauth/token-store";
import { parseQueryOptions, type QueryOptions } from "../odata/query-options";
import type { SimRuntime } from "../runtime";
import type { DivisionData } from "../state/division";
import { normalizeGuid } from "../util/guid";
import type { CallTrace } from "./call-pipeline";

/** One authorised request to `/api/v1/{division}/{entitySet}[(key)][/navigation]`. */
export interface RestRequest {
  runtime: SimRuntime;
  c: Context;
  url: URL;
  grant: Grant;
  trace: CallTrace;
  division: DivisionData;
  /** Canonical entity-set path, e.g. `crm/Accounts`. */
  entitySet: string;
  /** Origin + `/api/v1/{division}/`, used for `__metadata.uri` and `__next`. */
  divisionBase: string;
  query: QueryOptions;
  /** `Prefer: return=representation` was sent. */
  preferRepresentation: boolean;
}

/** `guid'…'` → the GUID (lower case), `123` or `123L` → the number; 400 otherwise. */
export function parseKey(raw: string): string | number {
  const guid = /^guid'(.*)'$/i.exec(raw.trim());
  if (guid) {
    const normalized = normalizeGuid(guid[1]!);
    if (!normalized) throw badRequest(`Unrecognized 'Edm.Guid' literal '${raw}'.`);
    return normalized;
  }
  const number = /^(-?\d+)L?$/i.exec(raw.trim());
  if (number) return Number(number[1]);
  throw badRequest(`Bad Request - Error in query syntax: invalid key '${raw}'.`);
}

export function guidKey(raw: string): string {
  const key = parseKey(raw);
  if (typeof key !== "string") throw badRequest(`Unrecognized 'Edm.Guid' literal '${raw}'.`);
  return key;
}

export function buildQuery(url: URL): QueryOptions {
  return parseQueryOptions(url.searchParams);
}

export function publicOrigin(runtime: SimRuntime, url: URL): string {
  return runtime.options.baseUrl ?? url.origin;
}
