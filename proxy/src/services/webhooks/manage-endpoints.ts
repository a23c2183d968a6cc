import { randomUUID } from "node:crypto";
import type { EventTypeName } from "@zapfloor-exact/shared/schemas/events";
import { and, eq } from "drizzle-orm";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../db/schema";
import type { WebhookContext } from "./context";
import { sealSecret } from "./endpoint-secrets";
import {
  type EndpointRow,
  endpointsOfTenant,
  pendingCounts,
  readEndpoint,
  updateEndpoint,
} from "./endpoint-store";
import { endpointView } from "./endpoint-view";
import { endpointNotFound, endpointsFull } from "./refusals";
import { newSecret } from "./signature";
import { checkWebhookUrl } from "./url-guard";

const MAX_ENDPOINTS = 20;

async function viewOf(ctx: WebhookContext, row: EndpointRow) {
  const pending = await pendingCounts(ctx.db, [row.id]);
  return endpointView(row, pending.get(row.id) ?? 0, ctx.clock.now());
}

async function requireEndpoint(ctx: WebhookContext, tenantId: string, endpointId: string) {
  const row = await readEndpoint(ctx.db, tenantId, endpointId);
  if (!row) throw endpointNotFound(endpointId);
  return row;
}

/** A new endpoint, enabled, with a fresh `whsec_` secret that is shown only in this answer. */
export async function createEndpoint(
  ctx: WebhookContext,
  input: { tenantId: string; url: string; eventTypes: EventTypeName[]; description: string },
) {
  await checkWebhookUrl(input.url, ctx.publicUrl);
  if ((await endpointsOfTenant(ctx.db, input.tenantId)).length >= MAX_ENDPOINTS)
    throw endpointsFull(MAX_ENDPOINTS);
  const id = `ep_${randomUUID().replaceAll("-", "")}`;
  const secret = newSecret();
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      id,
      tenantId: input.tenantId,
      url: input.url,
      description: input.description,
      eventTypes: [...new Set(input.eventTypes)],
      status: "enabled",
      secretEnc: sealSecret(ctx.exact.cipher, id, secret),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { ...(await viewOf(ctx, row!)), secret };
}

export async function listEndpoints(ctx: WebhookContext, tenantId: string) {
  const rows = await endpointsOfTenant(ctx.db, tenantId);
  const pending = await pendingCounts(
    ctx.db,
    rows.map((row) => row.id),
  );
  const now = ctx.clock.now();
  return { endpoints: rows.map((row) => endpointView(row, pending.get(row.id) ?? 0, now)) };
}

/**
 * Changes the URL, the event types, the description or the status. Resuming a paused endpoint makes what waited
 * for it due now, in order, with a fresh allowance of failures.
 */
export async function changeEndpoint(
  ctx: WebhookContext,
  input: {
    tenantId: string;
    endpointId: string;
    url?: string | undefined;
    eventTypes?: EventTypeName[] | undefined;
    description?: string | undefined;
    status?: "enabled" | "paused" | undefined;
  },
) {
  const current = await requireEndpoint(ctx, input.tenantId, input.endpointId);
  if (input.url !== undefined && input.url !== current.url) await checkWebhookUrl(input.url, ctx.publicUrl);
  const now = ctx.clock.now();
  const resuming = input.status === "enabled" && current.status === "paused";
  const pausing = input.status === "paused" && current.status === "enabled";
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateEndpoint(tx, input.tenantId, input.endpointId, {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(resuming ? { status: "enabled", pausedReason: null, pausedAt: null } : {}),
      ...(pausing ? { status: "paused", pausedReason: "Paused through the API.", pausedAt: now } : {}),
      updatedAt: now,
    });
    if (resuming) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: now, failingSince: null })
        .where(
          and(eq(webhookDeliveries.endpointId, input.endpointId), eq(webhookDeliveries.state, "pending")),
        );
    }
    return updated;
  });
  if (!row) throw endpointNotFound(input.endpointId);
  return viewOf(ctx, row);
}

/** Removes the endpoint with its queue and delivery log; answers with the endpoints that remain. */
export async function deleteEndpoint(ctx: WebhookContext, input: { tenantId: string; endpointId: string }) {
  await requireEndpoint(ctx, input.tenantId, input.endpointId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(webhookAttempts).where(eq(webhookAttempts.endpointId, input.endpointId));
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, input.endpointId));
    await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.tenantId, input.tenantId), eq(webhookEndpoints.id, input.endpointId)));
  });
  return listEndpoints(ctx, input.tenantId);
}

/**
 * A new secret, shown only in this answer. For `overlapSeconds` deliveries carry a second signature made with
 * the old secret, so receivers can switch without losing a delivery.
 */
export async function rotateSecret(
  ctx: WebhookContext,
  input: { tenantId: string; endpointId: string; overlapSeconds: number },
) {
  const current = await requireEndpoint(ctx, input.tenantId, input.endpointId);
  const secret = newSecret();
  const now = ctx.clock.now();
  const row = await updateEndpoint(ctx.db, input.tenantId, input.endpointId, {
    secretEnc: sealSecret(ctx.exact.cipher, current.id, secret),
    previousSecretEnc: input.overlapSeconds > 0 ? current.secretEnc : null,
    previousSecretUntil: input.overlapSeconds > 0 ? now + input.overlapSeconds * 1000 : null,
    updatedAt: now,
  });
  if (!row) throw endpointNotFound(input.endpointId);
  return { ...(await viewOf(ctx, row)), secret };
}
