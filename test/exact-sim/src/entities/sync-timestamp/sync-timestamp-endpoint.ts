import type { EntityEndpoint } from "../../api/entity-endpoint";
import { badRequest } from "../../http/exact-error";
import { jsonResponse } from "../../http/responses";
import { parseIncomingDate } from "../../util/amsterdam-time";

/** `datetime'2026-01-01T00:00:00'` or a bare ISO date; `'CRM/Accounts'` or CRM/Accounts. */
const unquote = (value: string, prefix = "") =>
  value.trim().replace(new RegExp(`^${prefix}'(.*)'$`, "i"), "$1");

/**
 * sync/SyncTimestamp: the sync Timestamp from which `Timestamp gt …` returns everything of `endPoint` modified
 * after `modified` — a starting point for incremental syncs without reading the whole history. The Exact KB names
 * this function [exact-online-api.md §4, S12a FAQ]; its parameter names and answer shape are UNCONFIRMED and
 * follow the KB's wording: `?modified=datetime'…'&endPoint='CRM/Accounts'` → `{d:{results:[{SyncTimestamp}]}}`.
 */
export const syncTimestampEndpoint: EntityEndpoint = {
  entitySet: "sync/SyncTimestamp",
  list(req) {
    const modifiedText = req.url.searchParams.get("modified");
    const endpoint = unquote(req.url.searchParams.get("endPoint") ?? "").toLowerCase();
    const modified = modifiedText ? parseIncomingDate(unquote(modifiedText, "datetime")) : undefined;
    if (modified === undefined) throw badRequest("The parameter 'modified' is missing or not a datetime.");

    const accounts = req.division.accounts;
    let firstAfter: number | undefined;
    if (endpoint === "crm/accounts") {
      for (const account of accounts.byTimestamp()) {
        if (account.Modified > modified) {
          firstAfter = account.Timestamp;
          break;
        }
      }
    } else if (endpoint === "deleted") {
      firstAfter = accounts.deleted.find((record) => record.DeletedDate > modified)?.Timestamp;
    } else {
      throw badRequest(`The parameter 'endPoint' is not a sync endpoint: '${endpoint}'.`);
    }
    const timestamp = firstAfter === undefined ? req.division.lastTimestamp : firstAfter - 1;
    const value = req.runtime.options.odata.int64AsString ? String(timestamp) : timestamp;
    return jsonResponse({ d: { results: [{ SyncTimestamp: value }] } });
  },
};
