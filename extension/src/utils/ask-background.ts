import type { ApiResult } from "./api-result";
import { type MessageType, type ProtocolMap, sendMessage } from "./messaging";

export type ApiMessage = {
  [K in MessageType]: ReturnType<ProtocolMap[K]> extends ApiResult<unknown> ? K : never;
}[MessageType];

/**
 * Sends a message whose answer is an ApiResult, and turns a background that does not answer at all
 * into one more problem the view can show, instead of a rejected promise.
 */
export async function askBackground<K extends ApiMessage>(
  type: K,
  ...data: Parameters<ProtocolMap[K]>
): Promise<ReturnType<ProtocolMap[K]>> {
  try {
    return await (sendMessage as (type: K, ...data: unknown[]) => Promise<ReturnType<ProtocolMap[K]>>)(
      type,
      ...data,
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { kind: "background_failed", detail } } as ReturnType<ProtocolMap[K]>;
  }
}
