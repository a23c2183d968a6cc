import type { EntityEndpoint } from "../../api/entity-endpoint";
import { badRequest } from "../../http/exact-error";
import { jsonResponse } from "../../http/responses";
import { formatExactDate, parseIncomingDate } from "../../util/amsterdam-time";

/**
 * The `endPoint` values Exact's SyncTimestamp reference page lists; CRM Accounts is not among them
 * [exact-online-api.md §4, Exact's SyncTimestamp page; picqer `SyncTimestamp.php`]. The page's Manufacturing
 * endpoints are not named in our sources, so the simulator refuses them too (the strict reading).
 */
export const SYNC_TIMESTAMP_END_POINTS = [
  "QuotationHeaders",
  "QuotationLines",
  "TransactionLines",
  "ItemStorageLocations",
  "PurchaseOrders",
  "Projects",
  "ProjectPlanning",
  "ProjectWBS",
  "TimeCostTransactions",
  "SalesInvoices",
  "GoodsDeliveries",
  "GoodsDeliveryLines",
  "SalesOrderHeaders",
  "SalesOrderLines",
  "Subscriptions",
  "SubscriptionLines",
] as const;

const KNOWN = new Map(SYNC_TIMESTAMP_END_POINTS.map((name) => [name.toLowerCase(), name]));

/** `datetime'2026-01-01T00:00:00'` → the date text; `'SalesInvoices'` → SalesInvoices. */
const unquote = (value: string, prefix = "") =>
  value.trim().replace(new RegExp(`^${prefix}'(.*)'$`, "i"), "$1");

/**
 * read/sync/Sync/SyncTimestamp: `?modified=datetime'…'&endPoint='…'`, both mandatory, answering `Modified`,
 * `API` and `TimeStampAsBigInt` [exact-online-api.md §4]. The simulator holds no rows of the listed entities, so
 * every listed endPoint answers the division's current row version: nothing of it was modified after `modified`.
 */
export const syncTimestampEndpoint: EntityEndpoint = {
  entitySet: "read/sync/Sync/SyncTimestamp",
  list(req) {
    const modifiedText = req.url.searchParams.get("modified");
    const modified = modifiedText ? parseIncomingDate(unquote(modifiedText, "datetime")) : undefined;
    if (modified === undefined) throw badRequest("The parameter 'modified' is missing or not a datetime.");
    const asked = unquote(req.url.searchParams.get("endPoint") ?? "");
    const api = KNOWN.get(asked.toLowerCase());
    if (!api) throw badRequest(`The parameter 'endPoint' is not a supported endpoint: '${asked}'.`);
    const timestamp = req.division.lastTimestamp;
    return jsonResponse({
      d: {
        results: [
          {
            Modified: formatExactDate(modified),
            API: api,
            TimeStampAsBigInt: req.runtime.options.odata.int64AsString ? String(timestamp) : timestamp,
          },
        ],
      },
    });
  },
};
