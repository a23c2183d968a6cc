import { badRequest } from "../http/exact-error";
import { firstIndexWhere } from "../util/binary-search";
import { normalizeGuid, sqlServerGuidSortKey } from "../util/guid";
import type { KeysetSource } from "./collection-query";
import type { EntitySchema } from "./entity-schema";
import type { FilterExpression } from "./filter-ast";

/** Keyset over rows sorted in SQL Server GUID order; `$skiptoken=guid'…'` as in Exact's `__next` links. */
export function guidKeyset<Row>(
  schema: EntitySchema<Row>,
  rows: () => readonly Row[],
  idOf: (row: Row) => string,
): KeysetSource<Row> {
  return {
    schema,
    rows,
    tokenOf: (row) => `guid'${idOf(row)}'`,
    indexAfter(sorted, token) {
      const match = /^guid'(.*)'$/i.exec(token);
      const guid = match ? normalizeGuid(match[1]!) : undefined;
      if (!guid) throw badRequest(`Invalid $skiptoken '${token}'.`);
      const key = sqlServerGuidSortKey(guid);
      return firstIndexWhere(sorted.length, (i) => sqlServerGuidSortKey(idOf(sorted[i]!)) > key);
    },
  };
}

/**
 * Keyset over rows sorted by an Int64 (`Timestamp`, `HID`); `$skiptoken=123L`. A top-level `Key gt n` in the
 * filter (the sync pattern `Timestamp gt 123L`) starts the scan by binary search instead of at the first row.
 */
export function int64Keyset<Row>(
  schema: EntitySchema<Row>,
  rows: () => readonly Row[],
  keyOf: (row: Row) => number,
): KeysetSource<Row> {
  return {
    schema,
    rows,
    startIndex(sorted, filter) {
      const bound = lowerBound(filter, schema.keyField);
      if (!bound) return 0;
      const { value, inclusive } = bound;
      return firstIndexWhere(sorted.length, (i) =>
        inclusive ? keyOf(sorted[i]!) >= value : keyOf(sorted[i]!) > value,
      );
    },
    tokenOf: (row) => `${keyOf(row)}L`,
    indexAfter(sorted, token) {
      const match = /^(-?\d+)L?$/i.exec(token);
      if (!match) throw badRequest(`Invalid $skiptoken '${token}'.`);
      const value = Number(match[1]);
      return firstIndexWhere(sorted.length, (i) => keyOf(sorted[i]!) > value);
    },
  };
}

/** `Key gt n` / `Key ge n` among the top-level `and` conjuncts of a filter. */
function lowerBound(
  filter: FilterExpression,
  keyField: string,
): { value: number; inclusive: boolean } | undefined {
  if (filter.kind === "logical" && filter.op === "and") {
    const left = lowerBound(filter.left, keyField);
    const right = lowerBound(filter.right, keyField);
    if (!left) return right;
    if (!right) return left;
    return left.value >= right.value ? left : right;
  }
  if (
    filter.kind === "comparison" &&
    (filter.op === "gt" || filter.op === "ge") &&
    filter.left.kind === "property" &&
    filter.left.name === keyField &&
    filter.right.kind === "literal" &&
    typeof filter.right.value === "number"
  ) {
    return { value: filter.right.value, inclusive: filter.op === "ge" };
  }
  return undefined;
}
