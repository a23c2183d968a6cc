/** Building OData v2 query strings the way Exact expects them. [exact-online-api.md §2] */

export interface ODataQuery {
  select?: readonly string[];
  filter?: string;
  top?: number;
  orderby?: string;
  expand?: string;
  /** `allpages` adds `__count`, the size of the whole listing. */
  inlinecount?: "allpages";
  /** Function parameters such as `modified=datetime'…'`, already in OData literal form. */
  params?: Record<string, string>;
}

export function queryString(query: ODataQuery): string {
  const parts = Object.entries(query.params ?? {}).map(
    ([name, value]) => `${name}=${encodeURIComponent(value)}`,
  );
  if (query.select?.length) parts.push(`$select=${encodeURIComponent(query.select.join(","))}`);
  if (query.filter) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.expand) parts.push(`$expand=${encodeURIComponent(query.expand)}`);
  if (query.orderby) parts.push(`$orderby=${encodeURIComponent(query.orderby)}`);
  if (query.top !== undefined) parts.push(`$top=${query.top}`);
  if (query.inlinecount) parts.push(`$inlinecount=${query.inlinecount}`);
  return parts.join("&");
}

/** A string literal: single quotes, with `'` doubled. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A GUID literal; `id` may come with braces or in any case. */
export const guid = (id: string) => `guid'${normaliseGuid(id)}'`;

/** Exact's Timestamp is Int64: the `L` suffix is required. */
export const int64 = (value: string | bigint) => `${value}L`;

const guidPattern = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

export function isGuid(value: string): boolean {
  return guidPattern.test(value.trim());
}

/** Lower case, no braces: the one form ids are stored and compared in. */
export function normaliseGuid(value: string): string {
  const match = guidPattern.exec(value.trim());
  if (!match?.[1]) throw new Error(`Not a GUID: ${value}`);
  return match[1].toLowerCase();
}

/** `Field eq 'a' or Field eq 'b' …`, split so that no URL passes Exact's length limit. [§2: 6000 characters] */
export function chunkedOrFilters(
  field: string,
  values: readonly string[],
  maxFilterLength = 3000,
  literalOf: (value: string) => string = literal,
): string[] {
  const filters: string[] = [];
  let current = "";
  for (const value of values) {
    const clause = `${field} eq ${literalOf(value)}`;
    const next = current ? `${current} or ${clause}` : clause;
    if (current && encodeURIComponent(next).length > maxFilterLength) {
      filters.push(current);
      current = clause;
    } else {
      current = next;
    }
  }
  if (current) filters.push(current);
  return filters;
}
