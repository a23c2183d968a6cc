import { badRequest } from "../http/exact-error";
import type { EntitySchema } from "./entity-schema";
import type { FilterExpression } from "./filter-ast";
import { parseFilter } from "./filter-parser";

export interface OrderBy {
  field: string;
  descending: boolean;
}

/** The system query options of one request, parsed and validated against nothing yet. */
export interface QueryOptions {
  select?: string[];
  filterText?: string;
  filter?: FilterExpression;
  top?: number;
  skip?: number;
  skiptoken?: string;
  orderby?: OrderBy[];
  orderbyText?: string;
  inlinecount: boolean;
  expand?: string[];
}

const KNOWN = new Set([
  "$select",
  "$filter",
  "$top",
  "$skip",
  "$skiptoken",
  "$orderby",
  "$inlinecount",
  "$expand",
  "$format",
  "$count",
]);

const nonNegativeInteger = (name: string, raw: string) => {
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`Invalid value '${raw}' for query option ${name}.`);
  return Number(raw.trim());
};

export function parseQueryOptions(params: URLSearchParams): QueryOptions {
  for (const key of params.keys()) {
    if (key.startsWith("$") && !KNOWN.has(key)) {
      throw badRequest(
        `The query parameter '${key}' begins with a system-reserved '$' character but is not recognized.`,
      );
    }
  }
  const options: QueryOptions = { inlinecount: false };
  const select = params.get("$select");
  if (select !== null && select.trim() !== "") {
    options.select = select
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  const filter = params.get("$filter");
  if (filter !== null && filter.trim() !== "") {
    options.filterText = filter;
    options.filter = parseFilter(filter);
  }
  const top = params.get("$top");
  if (top !== null) options.top = nonNegativeInteger("$top", top);
  const skip = params.get("$skip");
  if (skip !== null) options.skip = nonNegativeInteger("$skip", skip);
  const skiptoken = params.get("$skiptoken");
  if (skiptoken !== null && skiptoken !== "") options.skiptoken = skiptoken;
  const orderby = params.get("$orderby");
  if (orderby !== null && orderby.trim() !== "") {
    options.orderbyText = orderby;
    options.orderby = orderby.split(",").map((part) => {
      const [field, direction, ...rest] = part.trim().split(/\s+/);
      const dir = direction?.toLowerCase();
      if (!field || rest.length > 0 || (dir !== undefined && dir !== "asc" && dir !== "desc")) {
        throw badRequest(`Syntax error in $orderby '${orderby}'.`);
      }
      return { field, descending: dir === "desc" };
    });
  }
  const inlinecount = params.get("$inlinecount");
  if (inlinecount !== null) {
    if (inlinecount !== "allpages" && inlinecount !== "none") {
      throw badRequest(`Invalid value '${inlinecount}' for query option $inlinecount.`);
    }
    options.inlinecount = inlinecount === "allpages";
  }
  const expand = params.get("$expand");
  if (expand !== null && expand.trim() !== "") options.expand = expand.split(",").map((s) => s.trim());
  return options;
}

/** Checks `$select`/`$orderby`/`$expand` names against the entity, with Exact's (WCF Data Services) wording. */
export function validateAgainstSchema<Row>(
  options: QueryOptions,
  schema: EntitySchema<Row>,
  expandable: readonly string[] = [],
) {
  const check = (name: string) => {
    if (name === "*") return;
    if (!schema.byName.has(name))
      throw badRequest(`No property '${name}' exists in type '${schema.typeName}'.`);
  };
  for (const name of options.select ?? []) check(name);
  for (const order of options.orderby ?? []) check(order.field);
  for (const name of options.expand ?? []) {
    if (!expandable.includes(name))
      throw badRequest(`No navigation property '${name}' exists in type '${schema.typeName}'.`);
  }
}
