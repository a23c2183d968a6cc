import { badRequest } from "../http/exact-error";
import { normalizeGuid, sqlServerGuidSortKey } from "../util/guid";
import type { KeysetSource } from "./collection-query";
import type { EntitySchema } from "./entity-schema";

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

/** Keyset over rows sorted by an Int64 (`Timestamp`, `HID`); `$skiptoken=123L`. */
export function int64Keyset<Row>(
  schema: EntitySchema<Row>,
  rows: () => readonly Row[],
  keyOf: (row: Row) => number,
): KeysetSource<Row> {
  return {
    schema,
    rows,
    tokenOf: (row) => `${keyOf(row)}L`,
    indexAfter(sorted, token) {
      const match = /^(-?\d+)L?$/i.exec(token);
      if (!match) throw badRequest(`Invalid $skiptoken '${token}'.`);
      const value = Number(match[1]);
      return firstIndexWhere(sorted.length, (i) => keyOf(sorted[i]!) > value);
    },
  };
}

/** Binary search: the first index in [0, length) for which the monotone `test` holds (length if none). */
export function firstIndexWhere(length: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
