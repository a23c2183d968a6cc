import { createHash } from "node:crypto";

/**
 * Remembers the bodies it has seen for a while, so that a replayed delivery (the same signed bytes again) is
 * recognised and dropped. Bounded: past `capacity`, the oldest are forgotten first.
 */
export function createReplayMemory(options: { ttlMs: number; capacity: number; now: () => number }) {
  const seen = new Map<string, number>();
  return {
    /** True the first time these bytes are seen within the time-to-live. */
    firstTime(body: string): boolean {
      const now = options.now();
      const key = createHash("sha256").update(body).digest("base64url");
      const until = seen.get(key);
      if (until !== undefined && until > now) return false;
      seen.delete(key);
      seen.set(key, now + options.ttlMs);
      while (seen.size > options.capacity) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      return true;
    },
  };
}
