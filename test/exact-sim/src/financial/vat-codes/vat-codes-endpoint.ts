import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { guidKey, type RestRequest } from "../../api/rest-request";
import { notFound } from "../../http/exact-error";
import { guidKeyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import { type VatCodeRecord, vatCodeSchema } from "./vat-code";

function target(req: RestRequest): RenderTarget<VatCodeRecord> {
  return { schema: vatCodeSchema, uriOf: (v) => `${req.divisionBase}vat/VATCodes(guid'${v.ID}')` };
}

/** vat/VATCodes: space-padded three-character codes, Percentage as a fraction, a `Type` per code. */
export const vatCodesEndpoint: EntityEndpoint = {
  entitySet: "vat/VATCodes",
  list(req) {
    const rows = req.division.financial.vatCodesByKey();
    return listResponse(
      req,
      guidKeyset(
        vatCodeSchema,
        () => rows,
        (v) => v.ID,
      ),
      target(req),
      { pageSize: REGULAR_PAGE_SIZE },
    );
  },
  get(req, key) {
    const id = guidKey(key);
    const code = req.division.financial.vatCodes.find((v) => v.ID === id);
    if (!code) throw notFound("Resource not found for the segment 'VATCodes'.");
    return entityResponse(req, code, target(req));
  },
};
