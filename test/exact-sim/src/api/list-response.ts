import { badRequest } from "../http/exact-error";
import { jsonResponse } from "../http/responses";
import { type KeysetSource, queryCollection } from "../odata/collection-query";
import type { FilterCompileOptions } from "../odata/filter-compile";
import { validateAgainstSchema } from "../odata/query-options";
import { type RenderTarget, renderRow } from "../odata/render";
import type { RestRequest } from "./rest-request";

/** Regular endpoints answer at most 60 rows, bulk and sync 1000 [exact-online-api.md §2, S12c]. */
export const REGULAR_PAGE_SIZE = 60;
export const BULK_PAGE_SIZE = 1000;

export interface ListSettings {
  pageSize: number;
  /** Bulk and sync endpoints refuse requests without `$select` [S12b, S13 odata-best-practices]. */
  selectRequired?: boolean;
  expandable?: readonly string[];
}

export function filterOptions(req: RestRequest): FilterCompileOptions {
  const allowed = req.runtime.options.odata.filterableFields?.[req.entitySet];
  return {
    stringSemantics: req.runtime.options.odata.stringSemantics,
    ...(allowed ? { filterable: new Set(allowed) } : {}),
  };
}

/**
 * GET on a collection: `{"d":{"results":[…],"__next":"…"}}` (with `__count` first when asked for); with `$top` and
 * no `$select`, `{"d":[…]}` — a bare array without `__next` or `__count` (option `odata.topBareArray`)
 * [exact-online-api.md §2, nango/list-vat-codes and the other nango list recordings].
 */
export function listResponse<Row>(
  req: RestRequest,
  source: KeysetSource<Row>,
  target: RenderTarget<Row>,
  settings: ListSettings,
): Response {
  if (settings.selectRequired && !req.query.select) {
    throw badRequest("$select is mandatory for this endpoint. Please specify the properties to retrieve.");
  }
  validateAgainstSchema(req.query, source.schema, settings.expandable);
  const page = queryCollection(source, req.query, settings.pageSize, filterOptions(req));
  const render = { int64AsString: req.runtime.options.odata.int64AsString };
  const results = page.rows.map((row) => renderRow(row, target, render, req.query.select, req.query.expand));
  if (answersBareArray(req)) return jsonResponse({ d: results });
  const d: Record<string, unknown> = {};
  if (page.count !== undefined) d.__count = String(page.count);
  d.results = results;
  if (page.nextQuery) d.__next = `${req.divisionBase}${req.entitySet}?${page.nextQuery}`;
  return jsonResponse({ d });
}

function answersBareArray(req: RestRequest): boolean {
  const mode = req.runtime.options.odata.topBareArray;
  if (req.query.top === undefined || mode === false) return false;
  return mode === true || !req.query.select;
}

/** GET by key: `{"d":{…}}`. */
export function entityResponse<Row>(
  req: RestRequest,
  row: Row,
  target: RenderTarget<Row>,
  status = 200,
  expandable: readonly string[] = [],
): Response {
  validateAgainstSchema(req.query, target.schema, expandable);
  const render = { int64AsString: req.runtime.options.odata.int64AsString };
  return jsonResponse({ d: renderRow(row, target, render, req.query.select, req.query.expand) }, status);
}
