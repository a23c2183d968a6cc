import { jsonResponse } from "../http/responses";
import type { RenderTarget } from "../odata/render";
import { entityResponse } from "./list-response";
import type { RestRequest } from "./rest-request";

/**
 * The answer to a POST. With `Prefer: return=representation` the created entity (201, the OData norm); without it
 * HTTP 200 and the entity with everything null except its key and a few defaults, as the 2026 recording shows for
 * crm/Accounts (nango/extracted/crm-accounts-post-response-no-prefer.json) [exact-online-api.md §2, S1, S12f].
 */
export function createdResponse<Row>(
  req: RestRequest,
  row: Row,
  target: RenderTarget<Row>,
  valuesWithoutPrefer: Readonly<Record<string, unknown>> = {},
): Response {
  if (req.preferRepresentation) return entityResponse(req, row, target, 201);
  const uri = target.uriOf(row);
  const out: Record<string, unknown> = { __metadata: { uri, type: target.schema.typeName } };
  for (const field of target.schema.fields) {
    if (field.name === target.schema.keyField) out[field.name] = field.get(row);
    else if (field.type === "Navigation") out[field.name] = { __deferred: { uri: `${uri}/${field.name}` } };
    else out[field.name] = valuesWithoutPrefer[field.name] ?? null;
  }
  return jsonResponse({ d: out }, 200);
}
