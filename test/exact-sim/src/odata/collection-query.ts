import { badRequest } from "../http/exact-error";
import type { EntitySchema } from "./entity-schema";
import type { FilterExpression } from "./filter-ast";
import { compileFilter, type FilterCompileOptions, type RowPredicate } from "./filter-compile";
import type { QueryOptions } from "./query-options";

/** A collection in its default (key) order, with the keyset used by `$skiptoken`. */
export interface KeysetSource<Row> {
  schema: EntitySchema<Row>;
  /** All rows, sorted by the key. */
  rows(): readonly Row[];
  /** `$skiptoken` value for a row, e.g. `guid'…'` or `123L`. */
  tokenOf(row: Row): string;
  /** Index of the first row strictly after `token` in `rows()`; throws a 400 for a malformed token. */
  indexAfter(rows: readonly Row[], token: string): number;
  /** A safe first index for a filter (rows before it cannot match), to skip scanning them. */
  startIndex?(rows: readonly Row[], filter: FilterExpression): number;
}

export interface PageResult<Row> {
  rows: Row[];
  /** Query string (without `?`) of the next page, when there is one. */
  nextQuery?: string;
  count?: number;
}

/**
 * Runs `$filter`, `$orderby`, `$skip`, `$top` and `$skiptoken` like Exact: at most `pageSize` rows per response
 * and a `__next` link carrying `$select`, `$filter`, the remaining `$top` and a keyset `$skiptoken`
 * (recorded: `$top=100` → 60 rows and `…&$top=40&$skiptoken=guid'…'`) [exact-online-api.md §2].
 */
export function queryCollection<Row>(
  source: KeysetSource<Row>,
  options: QueryOptions,
  pageSize: number,
  filterOptions: FilterCompileOptions,
): PageResult<Row> {
  const predicate: RowPredicate<Row> = options.filter
    ? compileFilter(options.filter, source.schema, filterOptions)
    : () => true;
  const all = source.rows();
  const limit = options.top === undefined ? pageSize : Math.min(pageSize, options.top);
  const result: PageResult<Row> = { rows: [] };
  if (options.inlinecount) result.count = countMatches(all, predicate);

  if (options.orderby) {
    const sorted = all.filter(predicate).sort(ordering(source.schema, options));
    const offset = options.skip ?? 0;
    result.rows = sorted.slice(offset, offset + limit);
    const consumed = offset + result.rows.length;
    const remainingTop = options.top === undefined ? undefined : options.top - result.rows.length;
    if (consumed < sorted.length && (remainingTop === undefined || remainingTop > 0)) {
      result.nextQuery = nextQuery(options, remainingTop, `$skip=${consumed}`);
    }
    return result;
  }

  let index = options.skiptoken ? source.indexAfter(all, options.skiptoken) : 0;
  if (options.filter && source.startIndex) index = Math.max(index, source.startIndex(all, options.filter));
  let toSkip = options.skip ?? 0;
  for (; index < all.length && result.rows.length < limit; index++) {
    const row = all[index]!;
    if (!predicate(row)) continue;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    result.rows.push(row);
  }
  const remainingTop = options.top === undefined ? undefined : options.top - result.rows.length;
  const last = result.rows.at(-1);
  if (last && (remainingTop === undefined || remainingTop > 0) && hasMatchFrom(all, index, predicate)) {
    result.nextQuery = nextQuery(options, remainingTop, `$skiptoken=${source.tokenOf(last)}`);
  }
  return result;
}

function countMatches<Row>(rows: readonly Row[], predicate: RowPredicate<Row>): number {
  let count = 0;
  for (const row of rows) if (predicate(row)) count++;
  return count;
}

function hasMatchFrom<Row>(rows: readonly Row[], start: number, predicate: RowPredicate<Row>): boolean {
  for (let i = start; i < rows.length; i++) if (predicate(rows[i]!)) return true;
  return false;
}

function ordering<Row>(schema: EntitySchema<Row>, options: QueryOptions) {
  const keys = (options.orderby ?? []).map((o) => {
    const field = schema.byName.get(o.field);
    if (!field) throw badRequest(`No property '${o.field}' exists in type '${schema.typeName}'.`);
    return { get: field.get, sign: o.descending ? -1 : 1 };
  });
  return (a: Row, b: Row) => {
    for (const { get, sign } of keys) {
      const x = get(a) as string | number | boolean | null;
      const y = get(b) as string | number | boolean | null;
      if (x === y) continue;
      if (x === null) return -sign;
      if (y === null) return sign;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

/** Query string of the next page; only `$`-options are carried over, `$skip` is consumed. */
function nextQuery(options: QueryOptions, remainingTop: number | undefined, position: string): string {
  const parts: string[] = [];
  if (options.select) parts.push(`$select=${options.select.join(",")}`);
  if (options.filterText) parts.push(`$filter=${encodeODataValue(options.filterText)}`);
  if (options.orderbyText) parts.push(`$orderby=${encodeODataValue(options.orderbyText)}`);
  if (options.expand) parts.push(`$expand=${options.expand.join(",")}`);
  if (options.inlinecount) parts.push("$inlinecount=allpages");
  if (remainingTop !== undefined) parts.push(`$top=${remainingTop}`);
  parts.push(position);
  return parts.join("&");
}

/** Percent-encodes what a URL needs while keeping OData punctuation (`'`, `(`, `)`, `,`) readable. */
export function encodeODataValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ",");
}
