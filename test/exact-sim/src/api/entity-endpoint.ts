import type { RestRequest } from "./rest-request";

type Reply = Response | Promise<Response>;

/** The handlers of one entity set; a missing handler answers 405. */
export interface EntityEndpoint {
  /** Canonical path, e.g. `crm/Accounts`; matched case-insensitively. */
  entitySet: string;
  list?(req: RestRequest): Reply;
  get?(req: RestRequest, key: string): Reply;
  post?(req: RestRequest, body: string): Reply;
  put?(req: RestRequest, key: string, body: string): Reply;
  delete?(req: RestRequest, key: string): Reply;
  /** `Entity(key)/Navigation`, e.g. `SalesEntries(guid'…')/SalesEntryLines`. */
  navigation?(req: RestRequest, key: string, property: string): Reply;
}
