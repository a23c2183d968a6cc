import type { AccountRecord } from "../entities/accounts/account-record";

export type SimEvent =
  | { type: "account.upserted"; division: number; account: AccountRecord; created: boolean; at: number }
  | { type: "account.deleted"; division: number; account: AccountRecord; at: number };

export type SimEventListener = (event: SimEvent) => void;

/** In-process change notifications (webhook deliveries listen here). */
export class SimEvents {
  readonly #listeners = new Set<SimEventListener>();

  on(listener: SimEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: SimEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
