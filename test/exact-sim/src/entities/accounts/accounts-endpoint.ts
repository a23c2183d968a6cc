import { createdResponse } from "../../api/created-response";
import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { guidKey, type RestRequest } from "../../api/rest-request";
import { badRequest, notFound } from "../../http/exact-error";
import { noContent } from "../../http/responses";
import { parseJsonObject, readEntityInput } from "../../odata/entity-input";
import { guidKeyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import { ACCOUNT_POST_WITHOUT_PREFER_VALUES, ACCOUNT_READ_ONLY } from "./account-fields";
import type { AccountRecord } from "./account-record";
import { createAccount, deleteAccount, updateAccount } from "./account-service";

export function accountTarget(req: RestRequest, entitySet = "crm/Accounts"): RenderTarget<AccountRecord> {
  return {
    schema: req.runtime.schemas.account,
    uriOf: (row) => `${req.divisionBase}${entitySet}(guid'${row.ID}')`,
  };
}

export function findAccount(req: RestRequest, rawKey: string): AccountRecord {
  const account = req.division.accounts.get(guidKey(rawKey));
  if (!account) throw notFound("Resource not found for the segment 'Accounts'.");
  return account;
}

/** crm/Accounts: the only account API that can create, update and delete [exact-online-api.md §3–4, S12b]. */
export const accountsEndpoint: EntityEndpoint = {
  entitySet: "crm/Accounts",
  list(req) {
    if (req.runtime.options.odata.mandatoryAccountFilter && !req.query.filter) {
      // "Mandatory filtering" since July 2021 [S12a]; the refusal's wording is UNCONFIRMED.
      throw badRequest("$filter is mandatory for this endpoint. Please specify a filter.");
    }
    const source = guidKeyset(
      req.runtime.schemas.account,
      () => req.division.accounts.byKey(),
      (a) => a.ID,
    );
    return listResponse(req, source, accountTarget(req), { pageSize: REGULAR_PAGE_SIZE });
  },
  get(req, key) {
    return entityResponse(req, findAccount(req, key), accountTarget(req));
  },
  post(req, body) {
    const input = readEntityInput(parseJsonObject(body), req.runtime.schemas.account, ACCOUNT_READ_ONLY);
    const account = createAccount(req.runtime.ctx, req.division, input);
    return createdResponse(req, account, accountTarget(req), ACCOUNT_POST_WITHOUT_PREFER_VALUES);
  },
  put(req, key, body) {
    const account = findAccount(req, key);
    const input = readEntityInput(parseJsonObject(body), req.runtime.schemas.account, ACCOUNT_READ_ONLY);
    updateAccount(req.runtime.ctx, req.division, account.ID, input);
    return noContent();
  },
  delete(req, key) {
    const account = findAccount(req, key);
    deleteAccount(req.runtime.ctx, req.division, account.ID, (a) => req.division.accountUsedIn(a.ID));
    return noContent();
  },
};
