import type { EntityEndpoint } from "../../api/entity-endpoint";
import { BULK_PAGE_SIZE, listResponse } from "../../api/list-response";
import { int64Keyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import type { AccountRecord } from "./account-record";

/**
 * sync/CRM/Accounts: new and changed accounts in row-version (`Timestamp`) order, 1000 per page, `$select`
 * mandatory; deletions only appear in sync/Deleted [exact-online-api.md §4, S9, S12b]. The sync entity is keyed by
 * its Timestamp here (key choice UNCONFIRMED; clients follow `__next` verbatim).
 */
export const syncAccountsEndpoint: EntityEndpoint = {
  entitySet: "sync/CRM/Accounts",
  list(req) {
    const schema = req.runtime.schemas.syncAccount;
    const source = int64Keyset(
      schema,
      () => req.division.accounts.byTimestamp(),
      (a) => a.Timestamp,
    );
    const target: RenderTarget<AccountRecord> = {
      schema,
      uriOf: (row) => `${req.divisionBase}sync/CRM/Accounts(${row.Timestamp}L)`,
    };
    return listResponse(req, source, target, { pageSize: BULK_PAGE_SIZE, selectRequired: true });
  },
};
