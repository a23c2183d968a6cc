import { and, desc, eq, gt, inArray } from "drizzle-orm";
import { events, webhookDeliveries } from "../../db/schema";
import type { ServiceContext } from "../context";
import { type EventRow, eventView } from "./event-view";

/** The tenant's newest events (or those after `afterSeq`), oldest first, each with where its deliveries stand. */
export async function recentEvents(
  ctx: ServiceContext,
  input: { tenantId: string; limit: number; afterSeq?: number },
) {
  const rows: EventRow[] = await ctx.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, input.tenantId),
        input.afterSeq === undefined ? undefined : gt(events.seq, input.afterSeq),
      ),
    )
    .orderBy(desc(events.seq))
    .limit(input.limit);
  rows.reverse();
  const deliveries =
    rows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(webhookDeliveries)
          .where(
            inArray(
              webhookDeliveries.eventSeq,
              rows.map((row) => row.seq),
            ),
          );
  return rows.map((row) => ({
    seq: row.seq,
    event: eventView(row),
    deliveries: deliveries
      .filter((delivery) => delivery.eventSeq === row.seq)
      .map((delivery) => ({
        endpointId: delivery.endpointId,
        state: delivery.state,
        attempts: delivery.attempts,
        lastStatus: delivery.lastStatus,
        lastError: delivery.lastError,
      })),
  }));
}
