import { type ApiMessage, askBackground } from "../../utils/ask-background";
import type { ProtocolMap } from "../../utils/messaging";

/**
 * Requests the overview sends as soon as its script runs, before the language is read from storage and the page
 * is drawn: the first page of the list and the divisions. Each answer is taken once, by the view's first ask for
 * exactly the same; every other ask goes to the background as it comes.
 */
const early = new Map<string, Promise<unknown>>();

const keyOf = (type: ApiMessage, data: unknown[]) => JSON.stringify([type, data]);

export function askEarly<K extends ApiMessage>(type: K, ...data: Parameters<ProtocolMap[K]>): void {
  early.set(keyOf(type, data), askBackground(type, ...data));
}

/** As `askBackground`, answered by the same request sent early when there is one not taken yet. */
export function askBackgroundOrEarly<K extends ApiMessage>(
  type: K,
  ...data: Parameters<ProtocolMap[K]>
): Promise<ReturnType<ProtocolMap[K]>> {
  const key = keyOf(type, data);
  const sent = early.get(key) as Promise<ReturnType<ProtocolMap[K]>> | undefined;
  early.delete(key);
  return sent ?? askBackground(type, ...data);
}
