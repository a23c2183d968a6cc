import { createdResponse } from "../api/created-response";
import type { EntityEndpoint } from "../api/entity-endpoint";
import { entityResponse, listResponse, REGULAR_PAGE_SIZE } from "../api/list-response";
import { guidKey, publicOrigin, type RestRequest } from "../api/rest-request";
import { businessRule, dutch, notFound } from "../http/exact-error";
import { noContent } from "../http/responses";
import { parseJsonObject, readEntityInput } from "../odata/entity-input";
import { defineSchema, plainFields } from "../odata/entity-schema";
import { guidKeyset } from "../odata/keysets";
import type { RenderTarget } from "../odata/render";
import { compareGuids, newGuid } from "../util/guid";
import { WEBHOOK_TOPICS, type WebhookSubscription } from "./webhook-subscription";

const schema = defineSchema<WebhookSubscription>(
  "Exact.Web.Api.Models.Webhooks.WebhookSubscription",
  "ID",
  plainFields<WebhookSubscription>([
    ["ID", "Edm.Guid"],
    ["CallbackURL", "Edm.String"],
    ["ClientID", "Edm.Guid"],
    ["Created", "Edm.DateTime"],
    ["Description", "Edm.String"],
    ["Division", "Edm.Int32"],
    ["IsInstant", "Edm.Boolean"],
    ["Topic", "Edm.String"],
    ["UserID", "Edm.Guid"],
  ]),
);
const READ_ONLY = new Set(["ID", "ClientID", "Created", "Division", "UserID"]);

function visible(req: RestRequest): WebhookSubscription[] {
  return req.runtime.webhooks
    .forDivision(req.division.code)
    .filter((s) => s.ClientID === req.grant.clientId)
    .sort((a, b) => compareGuids(a.ID, b.ID));
}

function target(req: RestRequest): RenderTarget<WebhookSubscription> {
  return { schema, uriOf: (s) => `${req.divisionBase}webhooks/WebhookSubscriptions(guid'${s.ID}')` };
}

function find(req: RestRequest, key: string): WebhookSubscription {
  const id = guidKey(key);
  const subscription = visible(req).find((s) => s.ID === id);
  if (!subscription) throw notFound("Resource not found for the segment 'WebhookSubscriptions'.");
  return subscription;
}

/** webhooks/WebhookSubscriptions: POST `{CallbackURL, Topic}`, GET, DELETE [exact-online-api.md §7]. */
export const webhookSubscriptionsEndpoint: EntityEndpoint = {
  entitySet: "webhooks/WebhookSubscriptions",
  list(req) {
    const rows = visible(req);
    return listResponse(
      req,
      guidKeyset(
        schema,
        () => rows,
        (s) => s.ID,
      ),
      target(req),
      { pageSize: REGULAR_PAGE_SIZE },
    );
  },
  get(req, key) {
    return entityResponse(req, find(req, key), target(req));
  },
  post(req, body) {
    const input = readEntityInput(parseJsonObject(body), schema, READ_ONLY);
    const callback = input.get("CallbackURL");
    const topic = input.get("Topic");
    if (typeof callback !== "string" || callback.trim() === "")
      throw businessRule(dutch.mandatory("CallbackURL"));
    if (typeof topic !== "string" || topic.trim() === "") throw businessRule(dutch.mandatory("Topic"));
    if (!(WEBHOOK_TOPICS as readonly string[]).includes(topic)) throw businessRule(dutch.invalid("Topic"));
    let url: URL;
    try {
      url = new URL(callback);
    } catch {
      throw businessRule(dutch.invalid("CallbackURL"));
    }
    if (req.runtime.options.webhooks.requireHttps && url.protocol !== "https:")
      throw businessRule(dutch.invalid("CallbackURL"));
    // A second subscription for the same topic reportedly fails with "Data already exists" [S16, UNCONFIRMED].
    if (visible(req).some((s) => s.Topic === topic)) throw businessRule(dutch.alreadyExists("Topic"));
    const subscription: WebhookSubscription = {
      ID: newGuid(req.runtime.ctx.ids),
      CallbackURL: callback,
      Topic: topic,
      ClientID: req.grant.clientId,
      Division: req.division.code,
      UserID: req.runtime.ctx.user.id,
      Description: (input.get("Description") as string | null | undefined) ?? null,
      IsInstant: (input.get("IsInstant") as boolean | undefined) ?? false,
      Created: req.runtime.ctx.clock.now(),
      origin: publicOrigin(req.runtime, req.url),
      validated: false,
    };
    req.runtime.webhooks.subscribe(subscription);
    return createdResponse(req, subscription, target(req));
  },
  delete(req, key) {
    const subscription = find(req, key);
    req.runtime.webhooks.unsubscribe(req.division.code, subscription.ID);
    return noContent();
  },
};
