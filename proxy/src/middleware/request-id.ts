/** The caller's `X-Request-Id` when it is a plain token of at most 255 characters, else a new UUID. */
export function requestIdFrom(sent: string | undefined): string {
  return sent !== undefined && sent.length > 0 && sent.length <= 255 && /^[\w\-=]+$/.test(sent)
    ? sent
    : crypto.randomUUID();
}
