import { inArray, lt } from "drizzle-orm";
import { events, webhookAttempts, webhookDeliveries } from "../../db/schema";
import type { ServiceContext } from "../context";

const BATCH = 1000;

/** Removes events older than the retention, with their deliveries and delivery log, a batch at a time. */
export async function purgeOldEvents(ctx: ServiceContext, options: { olderThanMs: number }): Promise<number> {
  const cutoff = ctx.clock.now() - options.olderThanMs;
  let purged = 0;
  for (;;) {
    const old = await ctx.db
      .select({ seq: events.seq, id: events.id })
      .from(events)
      .where(lt(events.occurredAt, cutoff))
      .orderBy(events.seq)
      .limit(BATCH);
    if (old.length === 0) return purged;
    await ctx.db.transaction(async (tx) => {
      const deliveries = tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(
          inArray(
            webhookDeliveries.eventSeq,
            old.map((row) => row.seq),
          ),
        );
      await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries));
      await tx.delete(webhookDeliveries).where(
        inArray(
          webhookDeliveries.eventSeq,
          old.map((row) => row.seq),
        ),
      );
      await tx.delete(events).where(
        inArray(
          events.seq,
          old.map((row) => row.seq),
        ),
      );
    });
    purged += old.length;
    if (old.length < BATCH) return purged;
  }
}
