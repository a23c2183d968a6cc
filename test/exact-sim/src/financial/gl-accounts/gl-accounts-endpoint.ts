import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { guidKey, type RestRequest } from "../../api/rest-request";
import { notFound } from "../../http/exact-error";
import { guidKeyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import { type GLAccountRecord, glAccountSchema } from "./gl-account";

function target(req: RestRequest): RenderTarget<GLAccountRecord> {
  return { schema: glAccountSchema, uriOf: (g) => `${req.divisionBase}financial/GLAccounts(guid'${g.ID}')` };
}

/** financial/GLAccounts: 60 per page in GUID order, like the recording with `$top=100` → 60 + `__next` (S11). */
export const glAccountsEndpoint: EntityEndpoint = {
  entitySet: "financial/GLAccounts",
  list(req) {
    const rows = req.division.financial.glAccountsByKey();
    return listResponse(
      req,
      guidKeyset(
        glAccountSchema,
        () => rows,
        (g) => g.ID,
      ),
      target(req),
      { pageSize: REGULAR_PAGE_SIZE },
    );
  },
  get(req, key) {
    const account = req.division.financial.glAccount(guidKey(key));
    if (!account) throw notFound("Resource not found for the segment 'GLAccounts'.");
    return entityResponse(req, account, target(req));
  },
};
