import type { EntityEndpoint } from "../../api/entity-endpoint";
import { BULK_PAGE_SIZE, listResponse } from "../../api/list-response";
import { defineSchema } from "../../odata/entity-schema";
import { int64Keyset } from "../../odata/keysets";
import type { DeletedRecord } from "../accounts/account-store";

const deletedSchema = defineSchema<DeletedRecord>("Exact.Web.Api.Models.Sync.Deleted", "Timestamp", [
  { name: "Timestamp", type: "Edm.Int64", get: (r) => r.Timestamp },
  { name: "DeletedBy", type: "Edm.Guid", get: (r) => r.DeletedBy },
  { name: "DeletedByFullName", type: "Edm.String", get: (r) => r.DeletedByFullName },
  { name: "DeletedDate", type: "Edm.DateTime", get: (r) => r.DeletedDate },
  { name: "Division", type: "Edm.Int32", get: (r) => r.Division },
  { name: "EntityKey", type: "Edm.Guid", get: (r) => r.EntityKey },
  { name: "EntityType", type: "Edm.Int32", get: (r) => r.EntityType },
  { name: "ID", type: "Edm.Guid", get: (r) => r.ID },
]);

/**
 * sync/Deleted: what was deleted, by row version, with `EntityType` 2 for accounts; 1000 per page, `$select`
 * mandatory [exact-online-api.md §4, S9 Deleted.cs, DeletedProcess.cs].
 */
export const deletedEndpoint: EntityEndpoint = {
  entitySet: "sync/Deleted",
  list(req) {
    const rows = () => req.division.accounts.deleted;
    return listResponse(
      req,
      int64Keyset(deletedSchema, rows, (r) => r.Timestamp),
      { schema: deletedSchema, uriOf: (r) => `${req.divisionBase}sync/Deleted(${r.Timestamp}L)` },
      { pageSize: BULK_PAGE_SIZE, selectRequired: true },
    );
  },
};
