import type { SimRuntime } from "../runtime";
import type { SimEvent } from "../state/events";
import { formatAmsterdamIso } from "../util/amsterdam-time";
import { signedWebhookBody } from "./webhook-signature";
import type { WebhookSubscription } from "./webhook-subscription";

export interface WebhookDelivery {
  seq: number;
  kind: "validation" | "event";
  subscriptionId: string;
  division: number;
  url: string;
  /** Exactly the bytes posted ("" for the validation call). */
  body: string;
  at: number;
  /** HTTP status of the callback, or undefined when the request failed. */
  status?: number;
  error?: string;
}

/**
 * Posts to subscribers: the empty validation POST right after a subscription is created, then a signed
 * notification per account change (`Update` for creates and updates, `Delete` for deletes) [exact-online-api.md §7].
 * Deliveries run in the background; `flush()` waits for them. Retries are not simulated (Exact's policy is UNCONFIRMED).
 */
export class WebhookDispatcher {
  readonly subscriptions = new Map<number, WebhookSubscription[]>();
  readonly deliveries: WebhookDelivery[] = [];
  readonly #pending = new Set<Promise<void>>();
  #seq = 0;

  constructor(private readonly runtime: SimRuntime) {
    runtime.ctx.events.on((event) => this.#onEvent(event));
  }

  forDivision(division: number): WebhookSubscription[] {
    let list = this.subscriptions.get(division);
    if (!list) {
      list = [];
      this.subscriptions.set(division, list);
    }
    return list;
  }

  subscribe(subscription: WebhookSubscription): void {
    this.forDivision(subscription.Division).push(subscription);
    this.#post(subscription, "validation", "", (ok) => {
      subscription.validated = ok;
    });
  }

  unsubscribe(division: number, id: string): boolean {
    const list = this.forDivision(division);
    const index = list.findIndex((s) => s.ID === id);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** Resolves when every delivery started so far has finished. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  clear(): void {
    this.subscriptions.clear();
    this.deliveries.length = 0;
  }

  #onEvent(event: SimEvent) {
    const subscribers = (this.subscriptions.get(event.division) ?? []).filter(
      (s) => s.Topic === "Accounts" && s.validated,
    );
    for (const subscription of subscribers) {
      const app = this.runtime.options.apps.find((a) => a.clientId === subscription.ClientID);
      if (!app) continue;
      const body = signedWebhookBody(app.webhookSecret, {
        Topic: "Accounts",
        ClientId: subscription.ClientID,
        Division: event.division,
        Action: event.type === "account.deleted" ? "Delete" : "Update",
        Key: event.account.ID,
        ExactOnlineEndpoint: `${subscription.origin}/api/v1/${event.division}/crm/Accounts(guid'${event.account.ID}')`,
        EventCreatedOn: formatAmsterdamIso(event.at),
      });
      this.#post(subscription, "event", body);
    }
  }

  #post(
    subscription: WebhookSubscription,
    kind: WebhookDelivery["kind"],
    body: string,
    done?: (ok: boolean) => void,
  ) {
    const delivery: WebhookDelivery = {
      seq: ++this.#seq,
      kind,
      subscriptionId: subscription.ID,
      division: subscription.Division,
      url: subscription.CallbackURL,
      body,
      at: this.runtime.ctx.clock.now(),
    };
    this.deliveries.push(delivery);
    const headers: Record<string, string> = body === "" ? {} : { "Content-Type": "application/json" };
    const task = (async () => {
      try {
        const response = await this.runtime.fetch(subscription.CallbackURL, {
          method: "POST",
          headers,
          body,
        });
        delivery.status = response.status;
        await response.body?.cancel();
        done?.(response.ok);
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
        done?.(false);
      }
    })();
    this.#pending.add(task);
    void task.finally(() => this.#pending.delete(task));
  }
}
