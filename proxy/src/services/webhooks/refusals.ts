import { notFound, refused } from "../../errors";

/** An endpoint of another tenant, or none: not found either way. */
export const endpointNotFound = (endpointId: string) =>
  notFound(`Webhook endpoint ${endpointId}`, {
    reason: "webhook_endpoint_not_found",
    params: { endpoint: endpointId },
  });

export const eventNotFound = (eventId: string) =>
  notFound(`Event ${eventId}`, { reason: "event_not_found", params: { event: eventId } });

export const endpointsFull = (max: number) =>
  refused(
    "conflict",
    { reason: "webhook_endpoints_full", params: { max: String(max) } },
    `A tenant can have at most ${max} webhook endpoints.`,
  );
