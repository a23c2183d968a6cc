import type { EntityEndpoint } from "../../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { guidKey, type RestRequest } from "../../api/rest-request";
import { notFound } from "../../http/exact-error";
import { guidKeyset } from "../../odata/keysets";
import type { RenderTarget } from "../../odata/render";
import { type JournalRecord, journalSchema } from "./journal";

function target(req: RestRequest): RenderTarget<JournalRecord> {
  return { schema: journalSchema, uriOf: (j) => `${req.divisionBase}financial/Journals(guid'${j.ID}')` };
}

/** financial/Journals (read-only here): sales journal "70", a credit-note journal, purchase, bank, general. */
export const journalsEndpoint: EntityEndpoint = {
  entitySet: "financial/Journals",
  list(req) {
    const rows = req.division.financial.journalsByKey();
    return listResponse(
      req,
      guidKeyset(
        journalSchema,
        () => rows,
        (j) => j.ID,
      ),
      target(req),
      { pageSize: REGULAR_PAGE_SIZE },
    );
  },
  get(req, key) {
    const id = guidKey(key);
    const journal = req.division.financial.journals.find((j) => j.ID === id);
    if (!journal) throw notFound("Resource not found for the segment 'Journals'.");
    return entityResponse(req, journal, target(req));
  },
};
