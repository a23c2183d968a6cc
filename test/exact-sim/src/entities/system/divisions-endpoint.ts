import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { parseKey, type RestRequest } from "../../api/rest-request";
import { notFound } from "../../http/exact-error";
import type { KeysetSource } from "../../odata/collection-query";
import { defineSchema, plainFields } from "../../odata/entity-schema";
import { int64Keyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import { DIVISION_FIELDS, divisionRow } from "./division-row";

type Row = Record<string, unknown>;
const schema = defineSchema<Row>(
  "Exact.Web.Api.Models.System.Division",
  "Code",
  plainFields<Row>(DIVISION_FIELDS),
);

function rows(req: RestRequest): Row[] {
  const { state, ctx } = req.runtime;
  return req.grant.divisions
    .map((code) => state.division(code))
    .filter((d) => d !== undefined)
    .sort((a, b) => a.code - b.code)
    .map((d) => divisionRow(d.profile, ctx.user, state.currentDivision, d));
}

function target(req: RestRequest): RenderTarget<Row> {
  return { schema, uriOf: (row) => `${req.divisionBase}system/Divisions(${row.Code})` };
}

/** system/Divisions: the divisions within the consent [exact-online-api.md §2, S13, S12e]. */
export const divisionsEndpoint: EntityEndpoint = {
  entitySet: "system/Divisions",
  list(req) {
    const all = rows(req);
    const source: KeysetSource<Row> = int64Keyset(
      schema,
      () => all,
      (row) => row.Code as number,
    );
    return listResponse(req, source, target(req), { pageSize: REGULAR_PAGE_SIZE });
  },
  get(req, key) {
    const code = parseKey(key);
    const row = rows(req).find((r) => r.Code === code);
    if (!row) throw notFound("Resource not found for the segment 'Divisions'.");
    return entityResponse(req, row, target(req));
  },
};
