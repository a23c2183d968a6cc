import { type Browser, browser } from "#imports";
import type { ProxyHealth, ProxySettings } from "./proxy-client";

/** Every message the extension's pages and content scripts send to the background worker. */
export interface ProtocolMap {
  /** Health of the proxy named in the saved settings. */
  getProxyHealth(): ProxyHealth;
  /** Health of a proxy the options page has not saved yet. */
  testProxyConnection(settings: ProxySettings): ProxyHealth;
  /** Content scripts cannot open the options page themselves. */
  openOptionsPage(): void;
}

export type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = Parameters<ProtocolMap[K]> extends [infer Data] ? Data : undefined;
type ResultOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export type MessageHandlers = {
  [K in MessageType]: (
    data: DataOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => ResultOf<K> | Promise<ResultOf<K>>;
};

const CHANNEL = "zapfloor-exact";

interface Envelope {
  channel: typeof CHANNEL;
  type: MessageType;
  data: unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export async function sendMessage<K extends MessageType>(
  type: K,
  ...data: DataOf<K> extends undefined ? [] : [DataOf<K>]
): Promise<ResultOf<K>> {
  const envelope: Envelope = { channel: CHANNEL, type, data: data[0] };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (reply === undefined) throw new Error(`Nothing answered "${type}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResultOf<K>;
}

/**
 * The `runtime.onMessage` listener that answers every message of the map. It replies through
 * `sendResponse` and returns true, which every browser supports (returning a promise does not work
 * in every Chrome version).
 */
export function createMessageListener(handlers: MessageHandlers) {
  return (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(message, handlers)) return false;
    const handle = handlers[message.type] as (
      data: unknown,
      sender: Browser.runtime.MessageSender,
    ) => unknown;
    Promise.resolve()
      .then(() => handle(message.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) =>
          sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
}

/** Registers the handlers in the background worker; returns the function that removes them. */
export function onMessages(handlers: MessageHandlers): () => void {
  const listener = createMessageListener(handlers);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function isEnvelope(message: unknown, handlers: MessageHandlers): message is Envelope {
  if (typeof message !== "object" || message === null) return false;
  const { channel, type } = message as Partial<Envelope>;
  return channel === CHANNEL && typeof type === "string" && Object.hasOwn(handlers, type);
}
