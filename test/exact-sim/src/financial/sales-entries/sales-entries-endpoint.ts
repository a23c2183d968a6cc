import { createdResponse } from "../../api/created-response";
import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { guidKey, type RestRequest } from "../../api/rest-request";
import { businessRule, notFound } from "../../http/exact-error";
import { noContent } from "../../http/responses";
import { parseJsonObject } from "../../odata/entity-input";
import { guidKeyset } from "../../odata/keysets";
import { type RenderTarget, renderRow } from "../../odata/render";
import { compareGuids } from "../../util/guid";
import { createSalesEntry } from "./create-sales-entry";
import type { SalesEntryLineRecord, SalesEntryRecord } from "./sales-entry-record";
import { salesEntryLineSchema, salesEntrySchema } from "./sales-entry-schema";

const EXPANDABLE = ["SalesEntryLines"] as const;

export function lineTarget(req: RestRequest): RenderTarget<SalesEntryLineRecord> {
  return {
    schema: salesEntryLineSchema,
    uriOf: (l) => `${req.divisionBase}salesentry/SalesEntryLines(guid'${l.ID}')`,
  };
}

function entryTarget(req: RestRequest): RenderTarget<SalesEntryRecord> {
  const settings = { int64AsString: req.runtime.options.odata.int64AsString };
  return {
    schema: salesEntrySchema,
    uriOf: (e) => `${req.divisionBase}salesentry/SalesEntries(guid'${e.EntryID}')`,
    expanded: (e, property) =>
      property === "SalesEntryLines"
        ? e.lines.map((l) => renderRow(l, lineTarget(req), settings))
        : undefined,
  };
}

function find(req: RestRequest, key: string): SalesEntryRecord {
  const entry = req.division.financial.salesEntries.get(guidKey(key));
  if (!entry) throw notFound("Resource not found for the segment 'SalesEntries'.");
  return entry;
}

/** salesentry/SalesEntries: POST with inline lines, GET (e.g. filtered on YourRef or EntryID), DELETE [exact-online-api.md §5]. */
export const salesEntriesEndpoint: EntityEndpoint = {
  entitySet: "salesentry/SalesEntries",
  list(req) {
    const source = guidKeyset(
      salesEntrySchema,
      () => req.division.financial.salesEntriesByKey(),
      (e) => e.EntryID,
    );
    return listResponse(req, source, entryTarget(req), {
      pageSize: REGULAR_PAGE_SIZE,
      expandable: EXPANDABLE,
    });
  },
  get(req, key) {
    return entityResponse(req, find(req, key), entryTarget(req), 200, EXPANDABLE);
  },
  post(req, body) {
    const entry = createSalesEntry(req.runtime.ctx, req.division, parseJsonObject(body));
    return createdResponse(req, entry, entryTarget(req));
  },
  delete(req, key) {
    const entry = find(req, key);
    if (entry.Status !== 20) throw businessRule("Verwerkte boekingen kunnen niet worden verwijderd");
    req.division.financial.removeSalesEntry(entry.EntryID);
    return noContent();
  },
  navigation(req, key, property) {
    if (property !== "SalesEntryLines") throw notFound(`Resource not found for the segment '${property}'.`);
    const entry = find(req, key);
    const source = guidKeyset(
      salesEntryLineSchema,
      () => sortLines(entry.lines),
      (l) => l.ID,
    );
    return listResponse(req, source, lineTarget(req), { pageSize: REGULAR_PAGE_SIZE });
  },
};

/** salesentry/SalesEntryLines: read the lines of every entry, typically `$filter=EntryID eq guid'…'`. */
export const salesEntryLinesEndpoint: EntityEndpoint = {
  entitySet: "salesentry/SalesEntryLines",
  list(req) {
    const lines = () => sortLines([...req.division.financial.salesEntries.values()].flatMap((e) => e.lines));
    return listResponse(
      req,
      guidKeyset(salesEntryLineSchema, lines, (l) => l.ID),
      lineTarget(req),
      {
        pageSize: REGULAR_PAGE_SIZE,
      },
    );
  },
};

function sortLines(lines: SalesEntryLineRecord[]): SalesEntryLineRecord[] {
  return [...lines].sort((a, b) => compareGuids(a.ID, b.ID));
}
