import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { divisions, exactConnections } from "../db/schema";

/**
 * A connection (the tenant's existing one, if it has one) and one division for a tenant, written straight into the database: for tests and benchmarks that
 * never reach Exact (the tokens are placeholders).
 */
export async function insertConnectedDivision(
  db: DbOrTx,
  input: { tenantId: string; division: number; name: string; host?: string; country?: string; now: number },
): Promise<{ connectionId: string }> {
  const { tenantId, division, now } = input;
  await db
    .insert(exactConnections)
    .values({
      id: randomUUID(),
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
    })
    .onConflictDoNothing({ target: exactConnections.tenantId });
  const [connection] = await db
    .select({ id: exactConnections.id })
    .from(exactConnections)
    .where(eq(exactConnections.tenantId, tenantId));
  const connectionId = connection!.id;
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
