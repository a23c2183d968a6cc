import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { exactConnections, oauthStates, webhookEndpoints } from "../../db/schema";
import { accessContext, refreshContext } from "../../exact/token-manager";
import { pendingContext } from "../exact-connection/receive-consent";
import { secretContext } from "../webhooks/endpoint-secrets";

/** One value the proxy keeps encrypted: where it is, the context it is bound to, and its ciphertext. */
export interface SealedValue {
  /** What it is, for messages: `exact_token`, `pending_consent`, `webhook_secret`. */
  kind: "exact_token" | "pending_consent" | "webhook_secret";
  context: string;
  sealed: string;
  /** Replaces the ciphertext if it is still `sealed` (a refresh may have replaced it meanwhile); whether it did. */
  replace(db: DbOrTx, resealed: string): Promise<boolean>;
}

const changed = (result: { rowsAffected: number }) => result.rowsAffected > 0;

/**
 * Every encrypted value in the database: Exact tokens, tokens of a consent awaiting confirmation, webhook secrets;
 * with `limit`, at most that many rows of each table.
 */
export async function sealedValues(db: DbOrTx, options: { limit?: number } = {}): Promise<SealedValue[]> {
  const limit = options.limit ?? -1;
  const values: SealedValue[] = [];
  for (const row of await db
    .select({
      id: exactConnections.id,
      access: exactConnections.accessTokenEnc,
      refresh: exactConnections.refreshTokenEnc,
    })
    .from(exactConnections)
    .limit(limit)) {
    values.push(
      {
        kind: "exact_token",
        context: accessContext(row.id),
        sealed: row.access,
        replace: async (tx, resealed) =>
          changed(
            await tx
              .update(exactConnections)
              .set({ accessTokenEnc: resealed })
              .where(and(eq(exactConnections.id, row.id), eq(exactConnections.accessTokenEnc, row.access))),
          ),
      },
      {
        kind: "exact_token",
        context: refreshContext(row.id),
        sealed: row.refresh,
        replace: async (tx, resealed) =>
          changed(
            await tx
              .update(exactConnections)
              .set({ refreshTokenEnc: resealed })
              .where(and(eq(exactConnections.id, row.id), eq(exactConnections.refreshTokenEnc, row.refresh))),
          ),
      },
    );
  }
  for (const row of await db
    .select({ stateHash: oauthStates.stateHash, pending: oauthStates.pendingTokensEnc })
    .from(oauthStates)
    .where(isNotNull(oauthStates.pendingTokensEnc))
    .limit(limit)) {
    const pending = row.pending ?? "";
    values.push({
      kind: "pending_consent",
      context: pendingContext(row.stateHash),
      sealed: pending,
      replace: async (tx, resealed) =>
        changed(
          await tx
            .update(oauthStates)
            .set({ pendingTokensEnc: resealed })
            .where(and(eq(oauthStates.stateHash, row.stateHash), eq(oauthStates.pendingTokensEnc, pending))),
        ),
    });
  }
  for (const row of await db
    .select({
      id: webhookEndpoints.id,
      secret: webhookEndpoints.secretEnc,
      previous: webhookEndpoints.previousSecretEnc,
    })
    .from(webhookEndpoints)
    .limit(limit)) {
    values.push({
      kind: "webhook_secret",
      context: secretContext(row.id),
      sealed: row.secret,
      replace: async (tx, resealed) =>
        changed(
          await tx
            .update(webhookEndpoints)
            .set({ secretEnc: resealed })
            .where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.secretEnc, row.secret))),
        ),
    });
    const previous = row.previous;
    if (previous) {
      values.push({
        kind: "webhook_secret",
        context: secretContext(row.id),
        sealed: previous,
        replace: async (tx, resealed) =>
          changed(
            await tx
              .update(webhookEndpoints)
              .set({ previousSecretEnc: resealed })
              .where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.previousSecretEnc, previous))),
          ),
      });
    }
  }
  return values;
}
