import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../db/client";
import { divisions, exactConnections } from "../db/schema";

/**
 * A connection and one division for a tenant, written straight into the database: for tests and benchmarks that
 * never reach Exact (the tokens are placeholders).
 */
export async function insertConnectedDivision(
  db: DbOrTx,
  input: { tenantId: string; division: number; name: string; host?: string; country?: string; now: number },
): Promise<{ connectionId: string }> {
  const { tenantId, division, now } = input;
  const connectionId = randomUUID();
  await db.insert(exactConnections).values({
    id: connectionId,
    tenantId,
    host: input.host ?? "start.exactonline.nl",
    status: "active",
    accessTokenEnc: "unused",
    accessTokenExpiresAt: now + 600_000,
    accessTokenIssuedAt: now,
    refreshTokenEnc: "unused",
    refreshTokenIssuedAt: now,
    tokenVersion: 1,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(divisions).values({
    tenantId,
    division,
    connectionId,
    name: input.name,
    country: input.country ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return { connectionId };
}
