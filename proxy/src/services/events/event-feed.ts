import { setTimeout as sleep } from "node:timers/promises";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { events } from "../../db/schema";
import { decodeCursor, encodeCursor } from "../../util/cursor";
import type { ServiceContext } from "../context";
import { eventView } from "./event-view";

const feedCursor = z.object({ s: z.number().int().min(0) });
const POLL_MS = 200;

/**
 * The tenant's events after the cursor, oldest first. With `waitSeconds`, an empty answer waits for the next event
 * (polling the database, so an event recorded by any replica counts) until the time is up or the client leaves.
 */
export async function readEventFeed(
  ctx: ServiceContext,
  input: {
    tenantId: string;
    after?: string | undefined;
    waitSeconds: number;
    limit: number;
    signal?: AbortSignal;
  },
) {
  const after = decodeCursor(input.after, feedCursor)?.s ?? 0;
  const giveUpAt = performance.now() + input.waitSeconds * 1000;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.tenantId, input.tenantId), gt(events.seq, after)))
      .orderBy(asc(events.seq))
      .limit(input.limit);
    const last = rows.at(-1);
    if (rows.length > 0 || performance.now() >= giveUpAt || input.signal?.aborted)
      return { events: rows.map(eventView), nextCursor: encodeCursor({ s: last?.seq ?? after }) };
    try {
      await sleep(
        Math.min(POLL_MS, giveUpAt - performance.now()),
        undefined,
        input.signal ? { signal: input.signal } : {},
      );
    } catch {
      // the client went away
    }
  }
}
