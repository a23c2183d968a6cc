import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { guidKey, type RestRequest } from "../../api/rest-request";
import { badRequest, notFound } from "../../http/exact-error";
import { jsonResponse, noContent } from "../../http/responses";
import { parseJsonObject, readEntityInput } from "../../odata/entity-input";
import { guidKeyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import { ACCOUNT_FIELDS, ACCOUNT_POST_WITHOUT_PREFER_VALUES, ACCOUNT_READ_ONLY } from "./account-fields";
import type { AccountRecord } from "./account-record";
import { ACCOUNT_TYPE } from "./account-schema";
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
    if (req.preferRepresentation) return entityResponse(req, account, accountTarget(req), 201);
    return jsonResponse({ d: postedWithoutPrefer(req, account) }, 200);
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

/**
 * Without `Prefer: return=representation` Exact answers the created account with only the key filled
 * (recorded 2026: nango/extracted/crm-accounts-post-response-no-prefer.json, HTTP 200).
 */
function postedWithoutPrefer(req: RestRequest, account: AccountRecord): Record<string, unknown> {
  const uri = `${req.divisionBase}crm/Accounts(guid'${account.ID}')`;
  const out: Record<string, unknown> = { __metadata: { uri, type: ACCOUNT_TYPE } };
  for (const [name, type] of ACCOUNT_FIELDS) {
    if (name === "ID") out[name] = account.ID;
    else if (type === "Navigation") out[name] = { __deferred: { uri: `${uri}/${name}` } };
    else out[name] = ACCOUNT_POST_WITHOUT_PREFER_VALUES[name] ?? null;
  }
  return out;
}
