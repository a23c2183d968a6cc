import { parseArgs } from "node:util";
import { recentEvents } from "../../services/events/recent-events";
import { redeliverEvent } from "../../services/webhooks/redeliver";
import { type CliRuntime, UsageError } from "../runtime";

export const eventsUsage = `  events tail <tenantId> [--limit N] [--follow] [--json]
                                  the tenant's newest events and where their webhook deliveries stand; --follow keeps watching
  events redeliver <eventId> [--endpoint <endpointId>]
                                  send an event again to every endpoint that wants it (or to one)`;

type Recent = Awaited<ReturnType<typeof recentEvents>>[number];

function line(item: Recent): string {
  const { event } = item;
  const subject =
    typeof event.data.invoiceNumber === "string"
      ? `invoice ${event.data.invoiceNumber}`
      : typeof event.data.customerNumber === "string"
        ? `customer ${event.data.customerNumber}`
        : event.division !== null
          ? `division ${event.division}`
          : "connection";
  const deliveries = item.deliveries
    .map(
      (d) =>
        `${d.endpointId} ${d.state}${d.attempts > 1 ? ` after ${d.attempts} attempts` : ""}${d.state !== "delivered" && d.lastError ? ` (${d.lastError})` : ""}`,
    )
    .join("; ");
  return `${event.timestamp}  ${event.id}  ${event.type.padEnd(26)} ${subject}${deliveries ? `  → ${deliveries}` : ""}`;
}

export async function eventsCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      follow: { type: "boolean", short: "f" },
      limit: { type: "string" },
      endpoint: { type: "string" },
    },
  });
  const [verb, target] = positionals;
  if (verb === "tail") {
    if (!target) throw new UsageError("events tail needs a tenant id.");
    const limit = Number(values.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new UsageError("--limit must be a whole number from 1 to 1000.");
    const show = (items: Recent[]) => {
      for (const item of items) runtime.out(values.json ? JSON.stringify(item) : line(item));
    };
    let items = await recentEvents(runtime, { tenantId: target, limit });
    show(items);
    if (!values.json && items.length === 0 && !values.follow) runtime.note("No events yet.");
    let afterSeq = items.at(-1)?.seq ?? 0;
    while (values.follow) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      items = await recentEvents(runtime, { tenantId: target, limit: 1000, afterSeq });
      show(items);
      afterSeq = items.at(-1)?.seq ?? afterSeq;
    }
    return;
  }
  if (verb === "redeliver") {
    if (!target) throw new UsageError("events redeliver needs an event id.");
    const { queued } = await redeliverEvent(runtime, { eventId: target, endpointId: values.endpoint });
    runtime.note(
      queued === 0
        ? `No endpoint wants ${target}; nothing queued.`
        : `Queued ${target} for ${queued} endpoint${queued === 1 ? "" : "s"}; a running proxy delivers it.`,
    );
    return;
  }
  throw new UsageError(`Unknown events command: ${verb ?? "(none)"}`);
}
