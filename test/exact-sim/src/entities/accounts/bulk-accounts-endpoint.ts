import type { EntityEndpoint } from "../../api/entity-endpoint";
import { BULK_PAGE_SIZE, listResponse } from "../../api/list-response";
import { guidKeyset } from "../../odata/keysets";
import { accountTarget } from "./accounts-endpoint";

/** bulk/CRM/Accounts: read-only, 1000 rows per page, `$select` mandatory [exact-online-api.md §4, S12b]. */
export const bulkAccountsEndpoint: EntityEndpoint = {
  entitySet: "bulk/CRM/Accounts",
  list(req) {
    const source = guidKeyset(
      req.runtime.schemas.account,
      () => req.division.accounts.byKey(),
      (a) => a.ID,
    );
    return listResponse(req, source, accountTarget(req, "bulk/CRM/Accounts"), {
      pageSize: BULK_PAGE_SIZE,
      selectRequired: true,
    });
  },
};
