import type { EventTypeName } from "@zapfloor-exact/shared/schemas/events";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { events, webhookAttempts, webhookDeliveries } from "../../db/schema";
import { cursorSchemas, decodeCursor, encodeCursor } from "../../util/cursor";
import type { ServiceContext } from "../context";
import { readEndpoint } from "./endpoint-store";
import { endpointNotFound } from "./refusals";

const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);

/** An endpoint's deliveries, newest first, each with its attempts: when, the receiver's status, how long. */
export async function listDeliveries(
  ctx: ServiceContext,
  input: { tenantId: string; endpointId: string; limit: number; cursor?: string | undefined },
) {
  if (!(await readEndpoint(ctx.db, input.tenantId, input.endpointId)))
    throw endpointNotFound(input.endpointId);
  const below = decodeCursor(input.cursor, cursorSchemas.below);
  const rows = await ctx.db
    .select({ delivery: webhookDeliveries, type: events.type })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.seq, webhookDeliveries.eventSeq))
    .where(
      and(
        eq(webhookDeliveries.endpointId, input.endpointId),
        below ? lt(webhookDeliveries.id, below.b) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const attempts =
    page.length === 0
      ? []
      : await ctx.db
          .select()
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              page.map((row) => row.delivery.id),
            ),
          )
          .orderBy(asc(webhookAttempts.id));
  const last = page.at(-1);
  return {
    deliveries: page.map(({ delivery, type }) => ({
      eventId: delivery.eventId,
      eventType: type as EventTypeName,
      state: delivery.state,
      attempts: attempts
        .filter((attempt) => attempt.deliveryId === delivery.id)
        .map((attempt) => ({
          at: iso(attempt.at)!,
          status: attempt.status,
          error: attempt.error,
          latencyMs: attempt.latencyMs,
        })),
      nextAttemptAt: delivery.state === "pending" ? iso(delivery.nextAttemptAt) : null,
      deliveredAt: iso(delivery.deliveredAt),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ b: last.delivery.id }) : null,
  };
}
