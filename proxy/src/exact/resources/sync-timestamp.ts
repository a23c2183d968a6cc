import { z } from "zod";
import type { DivisionApi } from "../client";
import { utcToAmsterdamWall } from "../dates";
import { literal } from "../odata";

const syncTimestampRow = z.looseObject({
  SyncTimestamp: z
    .union([z.number().int(), z.string().regex(/^\d+$/)])
    .transform((value) => BigInt(value).toString()),
});

/**
 * The sync Timestamp from which changes after `modifiedAfter` are returned, so that a bulk load can be
 * followed by incremental syncs without reading every account twice. Exact's KB names `sync/SyncTimestamp`
 * for this [§4, S12a FAQ]; its exact parameters are UNCONFIRMED, hence `initialLoad: "sync"` as the fallback.
 */
export async function syncTimestampAt(
  api: DivisionApi,
  endpoint: string,
  modifiedAfter: Date,
): Promise<string> {
  // Dates sent to Exact without a zone are read as Amsterdam wall-clock time. [§2]
  const at = new Date(utcToAmsterdamWall(modifiedAfter.getTime())).toISOString().slice(0, 19);
  const rows = await api.list(
    "sync/SyncTimestamp",
    { params: { modified: `datetime${literal(at)}`, endPoint: literal(endpoint) } },
    syncTimestampRow,
  );
  return rows[0]?.SyncTimestamp ?? "1";
}
